package org.nanum.tools;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.nanum.timebank.domain.HashChain;
import org.postgresql.copy.CopyManager;

/**
 * A year of the time bank for a generated city: every household's account with its welcome grant,
 * babysitting and service sessions over the past 365 days (most posted, some adjusted, some no-shows
 * and cancellations), payments between households and gifts to the pot, and sessions coming up with
 * their minutes held. Every change goes to the journal as the server would write it, and the limits are kept as the ledger keeps them, so the ledger check
 * verifies a generated city. The generator seals the journal into the hash chain itself, as the
 * server's sealer would (in the order it writes the entries), so a big year needs no sealing at
 * start. Rows are copied in chunks. The creators of childcare offers get a sitter check.
 */
final class GenerateTimebank {
    static final String ISSUER = "00000000-0000-4000-8000-0000000000e1";
    static final String POT = "00000000-0000-4000-8000-0000000000e2";
    static final int FLOOR = -600;
    static final int CEILING = 4800;
    static final int WELCOME = 120;

    private GenerateTimebank() {
    }

    /** What was made: transfers (every kind), sessions and journal entries. */
    record Made(int transfers, int sessions, long journal) {
    }

    /** An offer or request the sessions come from: its id, kind, direction, the owner's household and the creator. */
    private record Offer(String listingId, String kind, String direction, int household, String creator) {
    }

    private static final class Account {
        final String id = UUID.randomUUID().toString();
        final String householdId;
        long balance;
        long held;
        long incoming;

        Account(String householdId) {
            this.householdId = householdId;
        }
    }

    /** Rows to copy, flushed in chunks (transfers first: the rest refer to them) so that a big year fits in memory. */
    private static final class Rows {
        final CopyManager copy;
        final StringBuilder transfers = new StringBuilder();
        final StringBuilder journal = new StringBuilder();
        final StringBuilder notes = new StringBuilder();
        final StringBuilder sessions = new StringBuilder();
        int transferCount;
        int sessionCount;
        long journalCount;
        long headPos;
        String headHash;

        Rows(CopyManager copy, long headPos, String headHash) {
            this.copy = copy;
            this.headPos = headPos;
            this.headHash = headHash;
        }

        void flushIfBig() throws SQLException, IOException {
            if (journal.length() > 64 * 1024 * 1024) {
                flush();
            }
        }

        void flush() throws SQLException, IOException {
            copyOut("copy tb_transfer (id, from_account, to_account, minutes, posted_minutes, kind, status, reverses, "
                    + "session_id, created_at, settled_at, version) from stdin", transfers);
            copyOut("copy tb_journal (id, transfer_id, entry, from_account, to_account, minutes, recorded_at, chain_pos, "
                    + "prev_hash, hash) from stdin", journal);
            copyOut("copy tb_transfer_note (transfer_id, by_resident, memo, listing_id) from stdin", notes);
            copyOut("copy tb_session (id, kind, listing_id, provider_household, provider_resident, receiver_household, "
                    + "receiver_resident, starts_at, ends_at, minutes, children, status, transfer_id, provider_minutes, "
                    + "receiver_minutes, no_show, reported_by, dispute_reason, settled_by, settle_reason, created_at, "
                    + "updated_at, version) from stdin", sessions);
        }

        private void copyOut(String sql, StringBuilder rows) throws SQLException, IOException {
            if (!rows.isEmpty()) {
                copy.copyIn(sql, new StringReader(rows.toString()));
                rows.setLength(0);
            }
        }

        String transfer(String from, String to, int minutes, Integer posted, String kind, String status, String sessionId,
                        Instant at, Instant settled) {
            String id = UUID.randomUUID().toString();
            transfers.append(id).append('\t').append(from).append('\t').append(to).append('\t').append(minutes).append('\t')
                    .append(posted == null ? "\\N" : posted).append('\t').append(kind).append('\t').append(status)
                    .append("\t\\N\t").append(sessionId == null ? "\\N" : sessionId).append('\t').append(at).append('\t')
                    .append(settled == null ? "\\N" : settled).append("\t1\n");
            transferCount++;
            return id;
        }

        /** A journal entry, sealed into the hash chain here as the server's sealer would (in the order written). */
        void entry(String transfer, String entry, String from, String to, int minutes, Instant at) {
            journalCount++;
            String id = UUID.randomUUID().toString();
            Instant recorded = at.truncatedTo(ChronoUnit.MICROS);
            long pos = ++headPos;
            String prev = headHash;
            headHash = HashChain.hash(prev, new HashChain.Link(pos, id, transfer, entry, from, to, minutes, recorded));
            journal.append(id).append('\t').append(transfer).append('\t').append(entry).append('\t')
                    .append(from).append('\t').append(to).append('\t').append(minutes).append('\t')
                    .append(recorded).append('\t').append(pos).append('\t').append(prev).append('\t').append(headHash)
                    .append('\n');
        }
    }

    /** {@code events}: payments and sessions tried over the year (some are refused by the limits, as they would be). */
    static Made generate(Connection conn, CopyManager copy, String run, String[] householdIds, String[] residentIds,
                         SplittableRandom random, int events) throws SQLException, IOException {
        List<Offer> offers = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("select l.id, l.kind, l.direction, l.created_by from listing l join resident x "
                     + "on x.id = l.created_by where x.subject like 'generated-" + run + "-%' "
                     + "and l.kind in ('CHILDCARE', 'SERVICE')")) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < residentIds.length; i++) {
                index.put(residentIds[i], i);
            }
            while (r.next()) {
                offers.add(new Offer(r.getString(1), r.getString(2), r.getString(3), index.get(r.getString(4)),
                        r.getString(4)));
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant yearAgo = now.minus(Duration.ofDays(365));
        Account[] accounts = new Account[householdIds.length];
        StringBuilder accountRows = new StringBuilder();
        for (int i = 0; i < householdIds.length; i++) {
            accounts[i] = new Account(householdIds[i]);
            accountRows.append(accounts[i].id).append("\tHOUSEHOLD\t").append(accounts[i].householdId)
                    .append("\t\\N\t0\t0\t0\t").append(yearAgo).append('\n');
        }
        // Accounts first (transfers refer to them); their balances are set once the year is written.
        copy.copyIn("copy tb_account (id, kind, household_id, code, balance, held, incoming, opened_at) from stdin",
                new StringReader(accountRows.toString()));
        Rows rows;
        try (Statement st = conn.createStatement();
             ResultSet head = st.executeQuery("select pos, hash from tb_chain_head where id = 1 for update")) {
            head.next();
            rows = new Rows(copy, head.getLong(1), head.getString(2));
        }
        long issued = 0;
        StringBuilder welcomed = new StringBuilder();
        for (int i = 0; i < householdIds.length; i++) {
            Instant opened = yearAgo.plusSeconds(random.nextLong(3600L * 24 * 30));
            String t = rows.transfer(ISSUER, accounts[i].id, WELCOME, WELCOME, "WELCOME", "POSTED", null, opened, opened);
            rows.entry(t, "POST", ISSUER, accounts[i].id, WELCOME, opened);
            // Each grant names the resident it welcomed, and the resident records it (decision 0008).
            rows.notes.append(t).append('\t').append(residentIds[i]).append("\t\\N\t\\N\n");
            welcomed.append(residentIds[i]).append('\t').append(t).append('\n');
            accounts[i].balance = WELCOME;
            issued += WELCOME;
        }
        try (Statement st = conn.createStatement()) {
            st.execute("create temp table generated_welcome (resident_id varchar(36), transfer_id varchar(36))");
            copy.copyIn("copy generated_welcome (resident_id, transfer_id) from stdin", new StringReader(welcomed.toString()));
            st.execute("update resident r set welcome_transfer_id = g.transfer_id from generated_welcome g where r.id = g.resident_id");
            st.execute("drop table generated_welcome");
        }
        // Sitter checks for everyone who offers childcare (recorded by the first generated resident, as staff).
        StringBuilder checks = new StringBuilder();
        java.util.Set<String> sitters = new java.util.HashSet<>();
        for (Offer o : offers) {
            if (o.kind().equals("CHILDCARE") && o.direction().equals("OFFER") && sitters.add(o.creator())) {
                checks.append(o.creator()).append('\t').append(yearAgo.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                        .append('\t').append(residentIds[0]).append('\t').append(yearAgo).append("\t\\N\t\\N\t1\n");
            }
        }
        // A year of sessions, oldest first, and payments between them; the limits as the ledger keeps them.
        List<Instant> times = new ArrayList<>(events);
        for (int e = 0; e < events; e++) {
            times.add(yearAgo.plus(Duration.ofDays(31)).plusSeconds(random.nextLong(3600L * 24 * 330)));
        }
        times.sort(null);
        long pot = 0;
        for (Instant at : times) {
            rows.flushIfBig();
            int payer = random.nextInt(accounts.length);
            if (offers.isEmpty() || random.nextInt(3) == 0) {
                int payee = random.nextInt(accounts.length);
                boolean toPot = random.nextInt(10) == 0;
                int minutes = 15 + 15 * random.nextInt(8);
                if (payee == payer && !toPot || !mayPay(accounts[payer], minutes)
                        || !toPot && !mayReceive(accounts[payee], minutes)) {
                    continue;
                }
                String to = toPot ? POT : accounts[payee].id;
                String t = rows.transfer(accounts[payer].id, to, minutes, minutes, "PAYMENT", "POSTED", null, at, at);
                rows.entry(t, "POST", accounts[payer].id, to, minutes, at);
                rows.notes.append(t).append('\t').append(residentIds[payer]).append('\t')
                        .append(toPot ? "For the neighbourhood" : "Thank you for your help").append("\t\\N\n");
                accounts[payer].balance -= minutes;
                if (toPot) {
                    pot += minutes;
                } else {
                    accounts[payee].balance += minutes;
                }
                continue;
            }
            Offer o = offers.get(random.nextInt(offers.size()));
            boolean offer = o.direction().equals("OFFER");
            int owner = o.household();
            int other = payer == owner ? (owner + 1) % accounts.length : payer;
            int provider = offer ? owner : other;
            int receiver = offer ? other : owner;
            if (provider == receiver) {
                continue;
            }
            session(rows, accounts, residentIds, o, provider, receiver, at, random, false);
        }
        // Sessions coming up in the next four weeks, their minutes held.
        for (int k = 0; k < Math.max(1, householdIds.length / 10) && !offers.isEmpty(); k++) {
            Offer o = offers.get(random.nextInt(offers.size()));
            int other = (o.household() + 1 + random.nextInt(accounts.length - 1)) % accounts.length;
            if (accounts.length < 2) {
                break;
            }
            boolean offer = o.direction().equals("OFFER");
            Instant at = now.plus(Duration.ofHours(24 + random.nextInt(24 * 27))).truncatedTo(ChronoUnit.HOURS);
            session(rows, accounts, residentIds, o, offer ? o.household() : other, offer ? other : o.household(), at,
                    random, true);
        }
        rows.flush();
        try (PreparedStatement head = conn.prepareStatement("update tb_chain_head set pos = ?, hash = ?, sealed_at = ? "
                + "where id = 1")) {
            head.setLong(1, rows.headPos);
            head.setString(2, rows.headHash);
            head.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            head.executeUpdate();
        }
        StringBuilder balances = new StringBuilder();
        for (Account a : accounts) {
            balances.append(a.id).append('\t').append(a.balance).append('\t').append(a.held).append('\t')
                    .append(a.incoming).append('\n');
        }
        try (Statement st = conn.createStatement()) {
            st.execute("create temporary table gen_balance (id varchar(36) primary key, balance bigint, held bigint, "
                    + "incoming bigint) on commit drop");
            copy.copyIn("copy gen_balance (id, balance, held, incoming) from stdin", new StringReader(balances.toString()));
            st.executeUpdate("update tb_account a set balance = g.balance, held = g.held, incoming = g.incoming "
                    + "from gen_balance g where a.id = g.id");
        }
        copy.copyIn("copy sitter_check (resident_id, checked_on, recorded_by, recorded_at, withdrawn_at, withdrawn_by, "
                + "version) from stdin", new StringReader(checks.toString()));
        try (PreparedStatement p = conn.prepareStatement("update tb_account set balance = balance + ? where id = ?")) {
            p.setLong(1, -issued);
            p.setString(2, ISSUER);
            p.addBatch();
            p.setLong(1, pot);
            p.setString(2, POT);
            p.addBatch();
            p.executeBatch();
        }
        return new Made(rows.transferCount, rows.sessionCount, rows.journalCount);
    }

    /** One session: past ones posted (sometimes adjusted), no-show or cancelled; coming ones scheduled and held. */
    private static void session(Rows rows, Account[] accounts, String[] residentIds, Offer o, int provider, int receiver,
                                Instant start, SplittableRandom random, boolean upcoming) {
        int minutes = 60 + 30 * random.nextInt(7);
        if (!mayPay(accounts[receiver], minutes) || !mayReceive(accounts[provider], minutes)) {
            return;
        }
        Account from = accounts[receiver];
        Account to = accounts[provider];
        String providerResident = o.direction().equals("OFFER") ? o.creator() : residentIds[provider];
        String receiverResident = o.direction().equals("OFFER") ? residentIds[receiver] : o.creator();
        String id = UUID.randomUUID().toString();
        Instant end = start.plus(Duration.ofMinutes(minutes));
        Instant booked = start.minus(Duration.ofDays(1 + random.nextInt(6)));
        int fate = upcoming ? -1 : random.nextInt(20);
        String status;
        String transfer = null;
        Integer confirmed = null;
        String noShow = "\\N";
        if (fate == 0) {
            status = "CANCELLED";
            transfer = rows.transfer(from.id, to.id, minutes, null, "SESSION", "VOIDED", id, booked, start.minusSeconds(7200));
            rows.entry(transfer, "HOLD", from.id, to.id, minutes, booked);
            rows.entry(transfer, "VOID", from.id, to.id, minutes, start.minusSeconds(7200));
        } else if (fate == 1) {
            status = "NO_SHOW";
            noShow = "PROVIDER";
            transfer = rows.transfer(from.id, to.id, minutes, null, "SESSION", "VOIDED", id, booked, end);
            rows.entry(transfer, "HOLD", from.id, to.id, minutes, booked);
            rows.entry(transfer, "VOID", from.id, to.id, minutes, end);
        } else if (upcoming) {
            status = "SCHEDULED";
            transfer = rows.transfer(from.id, to.id, minutes, null, "SESSION", "PENDING", id, booked, null);
            rows.entry(transfer, "HOLD", from.id, to.id, minutes, booked);
            from.held += minutes;
            to.incoming += minutes;
        } else {
            int posted = fate == 2 ? minutes + 15 : minutes;
            if (!mayPay(from, posted) || !mayReceive(to, posted)) {
                return;
            }
            status = "POSTED";
            confirmed = posted;
            Instant settled = end.plus(Duration.ofHours(2));
            transfer = rows.transfer(from.id, to.id, minutes, posted, "SESSION", "POSTED", id, booked, settled);
            rows.entry(transfer, "HOLD", from.id, to.id, minutes, booked);
            rows.entry(transfer, "POST", from.id, to.id, posted, settled);
            from.balance -= posted;
            to.balance += posted;
        }
        String c = confirmed == null ? "\\N" : confirmed.toString();
        rows.sessions.append(id).append('\t').append(o.kind()).append('\t').append(o.listingId()).append('\t')
                .append(to.householdId).append('\t').append(providerResident).append('\t').append(from.householdId)
                .append('\t').append(receiverResident).append('\t').append(start).append('\t').append(end).append('\t')
                .append(minutes).append('\t').append(o.kind().equals("CHILDCARE") ? "1" : "\\N").append('\t').append(status)
                .append('\t').append(transfer).append('\t').append(c).append('\t').append(c).append('\t').append(noShow)
                .append('\t').append(noShow.equals("\\N") ? "\\N" : receiverResident).append("\t\\N\t\\N\t\\N\t")
                .append(booked).append('\t').append(booked).append("\t1\n");
        rows.sessionCount++;
    }

    private static boolean mayPay(Account a, int minutes) {
        return a.balance - a.held - minutes >= FLOOR;
    }

    private static boolean mayReceive(Account a, int minutes) {
        return a.balance + a.incoming + minutes <= CEILING;
    }
}
