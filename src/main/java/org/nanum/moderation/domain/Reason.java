package org.nanum.moderation.domain;

/** Why something is reported (OTHER wants details). Also the reason category of a decision. */
public enum Reason {
    UNSAFE, PROHIBITED_ITEM, DISCRIMINATION, HARASSMENT, SPAM, NO_SHOW, OTHER;

    /** Reasons that put a case first in the queue. */
    public boolean isSafety() {
        return this == UNSAFE || this == HARASSMENT || this == DISCRIMINATION;
    }
}
