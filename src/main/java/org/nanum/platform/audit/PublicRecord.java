package org.nanum.platform.audit;

/**
 * A staff or council action that belongs on the public transparency log, fired (as a CDI event, in
 * the acting transaction) by the capability that acted; moderation, which keeps the log, writes
 * it with the actor as a role and a pseudonym, never their identity. {@code action} and
 * {@code targetType} name the log's own values (TransparencyEntry.Action, TargetType);
 * {@code caseId}: the id of what was done (a transfer, an import batch), which only those who may
 * see it can follow.
 */
public record PublicRecord(String action, String targetType, String caseId, String actorResidentId, String actorRole) {
}
