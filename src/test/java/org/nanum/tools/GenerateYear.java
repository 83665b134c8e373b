package org.nanum.tools;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.copy.CopyManager;

/**
 * The past year of a generated city for its councils to report on: loans of the goods spread over
 * the year (most back on time, some late, a few lost; deposits kept now and then and sometimes
 * appealed), moderation (reports, decisions, the public log, appeals waiting for the council), and a
 * city-wide council with its term, its members and decided proposals. Its loans end ten weeks ago,
 * so they never meet the recent loans {@link GenerateCity} writes; keys are kept as the server keeps
 * them (a day is lent once).
 */
final class GenerateYear {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final int CHUNK = 100_000;

    private GenerateYear() {
    }

    record Made(int loans, int cases, int appeals) {
    }

    /**
     * {@code loans} loans of the generated goods over the past year; moderation cases for one
     * listing in 200. {@code residentIds} are the generated residents (the first ten sit on the council).
     */
    static Made generate(Connection conn, CopyManager copy, String run, String[] residentIds, int loans,
                         SplittableRandom random) throws SQLException, IOException {
        LocalDate today = LocalDate.now(SEOUL);
        LocalDate yearStart = today.minusDays(365);
        LocalDate lastDay = today.minusDays(70);
        List<String> goods = new ArrayList<>();
        List<String> listings = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("select l.id, l.kind from listing l join resident x on x.id = l.created_by "
                     + "where x.subject like 'generated-" + run + "-%' order by l.id")) {
            while (r.next()) {
                listings.add(r.getString(1));
                if (r.getString(2).equals("GOODS")) {
                    goods.add(r.getString(1));
                }
            }
        }
        StringBuilder loanRows = new StringBuilder();
        StringBuilder dayRows = new StringBuilder();
        StringBuilder appeals = new StringBuilder();
        List<String> keptLoans = new ArrayList<>();
        int made = 0;
        int span = (int) (lastDay.toEpochDay() - yearStart.toEpochDay());
        for (int g = 0; g < goods.size() && made < loans; g++) {
            int perItem = loans / Math.max(1, goods.size()) + (g < loans % Math.max(1, goods.size()) ? 1 : 0);
            LocalDate cursor = yearStart.plusDays(random.nextInt(Math.max(1, span / Math.max(1, perItem) + 1)));
            for (int k = 0; k < perItem && made < loans; k++) {
                // A loan takes about gapMax / 2 + 2.5 days with its gap: spread the rest over the days left.
                long left = lastDay.toEpochDay() - cursor.toEpochDay();
                int gapMax = (int) Math.max(1, 2 * (left / (perItem - k)) - 5);
                LocalDate first = cursor.plusDays(random.nextInt(gapMax));
                LocalDate last = first.plusDays(random.nextInt(4));
                if (last.isAfter(lastDay)) {
                    break;
                }
                cursor = last.plusDays(1);
                String id = UUID.randomUUID().toString();
                String borrower = residentIds[random.nextInt(residentIds.length)];
                int fate = random.nextInt(100);
                String status = fate == 0 ? "LOST" : "RETURNED";
                Instant created = first.minusDays(1 + random.nextInt(3)).atTime(10, random.nextInt(60)).atZone(SEOUL)
                        .toInstant();
                String picked = first.atTime(9, 0).atZone(SEOUL).toOffsetDateTime().toString();
                String returned = fate == 0 ? "\\N" : last.plusDays(fate < 6 ? 1 + random.nextInt(4) : 0).atTime(18, 0)
                        .atZone(SEOUL).toOffsetDateTime().toString();
                boolean deposit = fate < 10;
                String outcome = "\\N";
                String kept = "\\N";
                String reason = "\\N";
                String decided = "\\N";
                if (deposit && fate < 6) {
                    outcome = fate == 0 ? "KEPT" : "PARTLY_KEPT";
                    kept = fate == 0 ? "20000" : "5000";
                    reason = fate == 0 ? "Not returned" : "Returned late and scratched";
                    decided = last.plusDays(7).atTime(11, 0).atZone(SEOUL).toOffsetDateTime().toString();
                    keptLoans.add(id);
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    dayRows.append(goods.get(g)).append('\t').append(d).append('\t').append(id).append('\n');
                }
                loanRows.append(id).append('\t').append(goods.get(g)).append('\t').append(borrower).append('\t')
                        .append(first).append('\t').append(last).append('\t').append(status).append("\t\\N\t")
                        .append(deposit ? "20000" : "\\N").append("\t\\N\t").append(created).append("\t\\N\t")
                        .append(picked).append("\tGOOD\t").append(returned).append('\t')
                        .append(fate == 0 ? "\\N" : "GOOD").append("\t\\N\t0\t").append(created).append("\t1\t")
                        .append(outcome).append('\t').append(kept).append("\t\\N\t").append(decided).append('\t')
                        .append(reason).append('\n');
                if (!outcome.equals("\\N") && random.nextInt(4) == 0) {
                    appeals.append(UUID.randomUUID()).append('\t').append(id).append('\t').append(borrower)
                            .append("\tIt was like that when I took it\t").append(outcome).append('\t').append(kept)
                            .append('\t').append(reason).append("\tROUTED\t")
                            .append(last.plusDays(9).atTime(12, 0).atZone(SEOUL).toInstant()).append("\t\\N\n");
                }
                made++;
                if (made % CHUNK == 0) {
                    flushLoans(copy, loanRows, dayRows);
                }
            }
        }
        flushLoans(copy, loanRows, dayRows);
        copy.copyIn("copy deposit_appeal (id, loan_id, appellant_id, reason, outcome, kept_krw, staff_reason, status, "
                + "created_at, decided_at) from stdin", new StringReader(appeals.toString()));
        int appealCount = (int) appeals.chars().filter(c -> c == '\n').count();

        int cases = moderation(copy, residentIds, listings, yearStart, random);
        council(conn, copy, residentIds, yearStart, today, random);
        return new Made(made, cases, appealCount);
    }

    private static void flushLoans(CopyManager copy, StringBuilder loans, StringBuilder days)
            throws SQLException, IOException {
        copy.copyIn("copy loan (id, listing_id, borrower_id, first_day, last_day, status, message, deposit_krw, decided_by, "
                + "decided_at, decision_note, picked_up_at, condition_out, returned_at, condition_back, damage_note, "
                + "renewals, created_at, version, deposit_outcome, deposit_kept_krw, deposit_decided_by, "
                + "deposit_decided_at, deposit_reason) from stdin", new StringReader(loans.toString()));
        copy.copyIn("copy loan_day (listing_id, lent_day, loan_id) from stdin", new StringReader(days.toString()));
        loans.setLength(0);
        days.setLength(0);
    }

    /** A case for one listing in 200: three reports, a staff decision, the public log; an appeal now and then. */
    private static int moderation(CopyManager copy, String[] residentIds, List<String> listings, LocalDate yearStart,
                                  SplittableRandom random) throws SQLException, IOException {
        StringBuilder cases = new StringBuilder();
        StringBuilder reports = new StringBuilder();
        StringBuilder log = new StringBuilder();
        StringBuilder appeals = new StringBuilder();
        String[] decisions = {"DISMISS", "HIDE", "HIDE", "RESTORE", "WARN", "EDIT_REQUEST"};
        String[] logged = {"DISMISSED", "HIDDEN", "HIDDEN", "RESTORED", "WARNED", "EDIT_REQUESTED"};
        String staff = residentIds[residentIds.length - 1];
        int n = 0;
        for (int i = 0; i < listings.size(); i += 200) {
            String id = UUID.randomUUID().toString();
            Instant opened = yearStart.plusDays(random.nextInt(355)).atTime(9 + random.nextInt(10), 0).atZone(SEOUL)
                    .toInstant();
            Instant closed = opened.plusSeconds(3600L * (2 + random.nextInt(70)));
            int d = random.nextInt(decisions.length);
            String subject = residentIds[random.nextInt(residentIds.length)];
            cases.append(id).append("\tLISTING\t").append(listings.get(i)).append("\tCLOSED\t2\t3\t").append(opened)
                    .append('\t').append(staff).append('\t').append(opened.plusSeconds(1800)).append('\t').append(closed)
                    .append('\t').append(decisions[d]).append("\t\\N\t1\tUNSAFE\tChecked against the rules\t")
                    .append(staff).append('\t').append(subject).append("\t\\N\n");
            for (int k = 0; k < 3; k++) {
                reports.append(UUID.randomUUID()).append('\t').append(id).append("\tLISTING\t").append(listings.get(i))
                        .append('\t').append(residentIds[random.nextInt(residentIds.length)]).append("\tUNSAFE\t\\N\tCLOSED\t")
                        .append(opened.plusSeconds(60L * k)).append('\t').append(closed).append("\t\\N\n");
                log.append(UUID.randomUUID()).append('\t').append(opened.plusSeconds(60L * k)).append("\tREPORTED\tLISTING\t")
                        .append("UNSAFE\tresident\tresident\tfalse\t").append(id).append("\t\\N\n");
            }
            log.append(UUID.randomUUID()).append('\t').append(closed).append('\t').append(logged[d])
                    .append("\tLISTING\tUNSAFE\tstaff\tstaff-gen\tfalse\t").append(id).append("\t\\N\n");
            if (d != 0 && random.nextInt(10) == 0) {
                Instant filed = closed.plusSeconds(86_400L * (1 + random.nextInt(20)));
                appeals.append(UUID.randomUUID()).append('\t').append(id).append('\t').append(subject)
                        .append("\tThe listing follows the rules\tROUTED\t").append(filed).append("\t\\N\n");
                log.append(UUID.randomUUID()).append('\t').append(filed).append("\tAPPEALED\tLISTING\tUNSAFE\t")
                        .append("resident\tresident\tfalse\t").append(id).append("\t\\N\n");
            }
            n++;
        }
        copy.copyIn("copy moderation_case (id, target_type, target_id, status, urgency, reports, opened_at, claimed_by, "
                + "claimed_at, closed_at, decision, open_key, version, decision_category, decision_reason, decided_by, "
                + "subject_resident, subject_household) from stdin", new StringReader(cases.toString()));
        copy.copyIn("copy report (id, case_id, target_type, target_id, reporter_id, reason, details, status, created_at, "
                + "closed_at, open_key) from stdin", new StringReader(reports.toString()));
        copy.copyIn("copy transparency_entry (id, at, action, target_type, reason_category, actor_role, actor_pseudonym, "
                + "automatic, case_id, corrects) from stdin", new StringReader(log.toString()));
        copy.copyIn("copy moderation_appeal (id, case_id, appellant_id, reason, status, created_at, decided_at) from stdin",
                new StringReader(appeals.toString()));
        return n;
    }

    /**
     * The generated city-wide council: a term covering the year, its first ten residents seated, and
     * two proposals decided over the year, one rejected and one without quorum (ballots secret,
     * counts public).
     */
    private static void council(Connection conn, CopyManager copy, String[] residentIds, LocalDate yearStart,
                                LocalDate today, SplittableRandom random) throws SQLException, IOException {
        String council = UUID.randomUUID().toString();
        String term = UUID.randomUUID().toString();
        Instant at = yearStart.atStartOfDay(SEOUL).toInstant();
        String admin = residentIds[residentIds.length - 1];
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("insert into council (id, name, district_code, created_at, created_by) values ('" + council
                    + "', 'Generated council " + council.substring(0, 8) + "', null, '" + at + "', '" + admin + "')");
            s.executeUpdate("insert into council_term (id, council_id, starts_on, ends_on, created_at) values ('" + term
                    + "', '" + council + "', '" + yearStart + "', '" + today.plusDays(365) + "', '" + at + "')");
        }
        int seats = Math.min(10, residentIds.length);
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < seats; i++) {
            members.append(term).append('\t').append(residentIds[i]).append('\t').append(admin).append('\t').append(at)
                    .append("\t\\N\t\\N\t\\N\n");
        }
        copy.copyIn("copy council_member (term_id, resident_id, assigned_by, assigned_at, ended_at, ended_by, end_reason) "
                + "from stdin", new StringReader(members.toString()));
        StringBuilder proposals = new StringBuilder();
        StringBuilder votes = new StringBuilder();
        String[][] decided = {{"LOAN_MAX_RENEWALS", "2", "3", "REJECTED"}, {"HOLD_MAX_ACTIVE", "5", "6", "NO_QUORUM"}};
        for (int p = 0; p < decided.length; p++) {
            String id = UUID.randomUUID().toString();
            Instant created = yearStart.plusDays(60L + 120L * p).atTime(10, 0).atZone(SEOUL).toInstant();
            Instant comments = created.plusSeconds(14L * 86_400);
            Instant voting = comments.plusSeconds(7L * 86_400);
            int voters = decided[p][3].equals("NO_QUORUM") ? Math.min(2, seats) : seats;
            int yes = decided[p][3].equals("REJECTED") ? voters / 2 - 1 : voters / 2;
            int no = voters - yes;
            for (int v = 0; v < voters; v++) {
                votes.append(id).append('\t').append(residentIds[v]).append('\t').append(v < yes ? "YES" : "NO").append('\t')
                        .append(comments.plusSeconds(3600L * (1 + random.nextInt(100)))).append('\n');
            }
            proposals.append(id).append('\t').append(council).append('\t').append(term).append('\t').append(decided[p][0])
                    .append('\t').append(decided[p][1]).append('\t').append(decided[p][2]).append('\t').append(voting)
                    .append("\tGenerated proposal\t").append(residentIds[0]).append("\t\\N\t").append(created).append('\t')
                    .append(comments).append('\t').append(voting).append('\t').append(decided[p][3]).append("\t50\t")
                    .append(seats).append('\t').append(yes).append('\t').append(no).append("\t0\t").append(voting)
                    .append("\t1\n");
        }
        copy.copyIn("copy council_proposal (id, council_id, term_id, policy_key, value_then, proposed_value, effective_from, "
                + "rationale, proposed_by, petition_id, created_at, comments_until, voting_until, status, quorum_percent, "
                + "members, yes_votes, no_votes, abstentions, decided_at, version) from stdin",
                new StringReader(proposals.toString()));
        copy.copyIn("copy council_vote (proposal_id, member_id, choice, cast_at) from stdin", new StringReader(votes.toString()));
    }
}
