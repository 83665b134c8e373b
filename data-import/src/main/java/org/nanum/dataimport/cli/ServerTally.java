package org.nanum.dataimport.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's answers summed over the batches of a run, and the report's line for each record
 * that was not simply created, updated or left unchanged (ERROR, SKIPPED, REVIEW), so that a city
 * reads only what needs a look.
 */
public final class ServerTally {
    private int created;
    private int updated;
    private int unchanged;
    private int skipped;
    private int errors;
    private int review;
    private int awaiting;
    private int batches;
    private final List<String> lines = new ArrayList<>();

    /**
     * Adds one batch's answer; {@code file} names the file its records came from in the lines, and
     * is null when the import has one file.
     */
    public void add(ServerAnswer answer, String file) {
        batches++;
        created += answer.created();
        updated += answer.updated();
        unchanged += answer.unchanged();
        skipped += answer.skipped();
        errors += answer.errors();
        review += answer.review();
        for (ServerAnswer.Outcome outcome : answer.outcomes()) {
            awaiting += outcome.outcome().equals("AWAITING_APPROVAL") ? 1 : 0;
            if (outcome.isWorthReporting()) {
                lines.add(line(outcome, file));
            }
        }
    }

    /** {@code ERROR line 12 "houston/42", field "title": at most 120 characters}, and so on. */
    public static String line(ServerAnswer.Outcome outcome, String file) {
        String word = outcome.outcome().equals("ERROR") || outcome.outcome().equals("SKIPPED") || !outcome.review()
                ? outcome.outcome() : "REVIEW";
        StringBuilder line = new StringBuilder(word).append(' ');
        if (file != null) {
            line.append(file).append(' ');
        }
        line.append("line ").append(outcome.line()).append(" \"").append(outcome.externalId()).append('"');
        if (outcome.field() != null) {
            line.append(", field \"").append(outcome.field()).append('"');
        }
        String reason = outcome.reason();
        if (word.equals("REVIEW")) {
            reason = reason == null ? "held for staff review"
                    : reason.contains("held for staff review") ? reason : reason + ": held for staff review";
        }
        if (reason != null) {
            line.append(": ").append(reason);
        }
        return line.toString();
    }

    /**
     * {@code server: 12 created, 3 updated, 300 unchanged, 1 skipped, 2 errors, 4 held for review (dry run)}, and
     * {@code , 5 waiting for a second person's approval} when the server holds records back (balances
     * that would mint: nothing of them is written until another person approves their batch).
     */
    public String summary(boolean dryRun) {
        return String.format("server: %d created, %d updated, %d unchanged, %d skipped, %d errors, %d held for review%s%s",
                created, updated, unchanged, skipped, errors, review,
                awaiting == 0 ? "" : ", " + awaiting + " waiting for a second person's approval (GET /api/import/approvals)",
                dryRun ? " (dry run)" : "");
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** How many batches the server answered. */
    public int batches() {
        return batches;
    }

    public int errors() {
        return errors;
    }
}
