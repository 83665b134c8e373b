package org.nanum.moderation.domain;

/**
 * What a report is about. REFERENCE: the reference written about the reporter on a loan (its id is
 * the loan's); SESSION: a time-bank session of the reporter's household.
 */
public enum TargetType { LISTING, PHOTO, MESSAGE, RESIDENT, REFERENCE, SESSION,
    /** A time-bank transfer made by staff's powers (never reported by residents). */
    TIMEBANK,
    /** An import batch a second person decided on (never reported by residents). */
    IMPORT }
