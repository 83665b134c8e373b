package org.nanum.tools;

import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.nanum.council.application.EmbodiedCarbon;
import org.nanum.testsupport.Keycloak;

/**
 * {@code ./nanum bench report}: the council's monthly usage report (by district) over HTTP, as an
 * admin reads it, against the best hand-written SQL for the same figures on the same database in
 * the same run: one statement per table, each figure by district and in total at once
 * ({@code group by rollup}), no suppression, no digest, no HTTP. Alternating rounds after a warm-up
 * of each; the target is the median report within 2× of the median baseline.
 */
public final class ReportBench {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private ReportBench() {
    }

    public record Settings(Function<String, RequestSpecification> as, String jdbcUrl, String dbUser, String dbPassword,
                           YearMonth month, int rounds) {
    }

    public record Report(YearMonth month, long[] reportNanos, long[] sqlNanos, long loans, long journal,
                         long monthLoans, long monthTransfers, String digest, int withheld) {
        double reportMedianMs() {
            return median(reportNanos) / 1e6;
        }

        double sqlMedianMs() {
            return median(sqlNanos) / 1e6;
        }

        public double ratio() {
            return reportMedianMs() / sqlMedianMs();
        }

        public String markdown() {
            return String.format(Locale.ROOT, """
                    # Usage report benchmark

                    Month %s by district, on %,d loans and %,d journal entries in all (%,d loans and %,d time-bank \
                    transfers in the month); %d rounds of each after a warm-up, alternating.

                    | | median | best | worst |
                    |---|---|---|---|
                    | Nanum over HTTP (the whole report: suppression, digest, JSON) | %.0f ms | %.0f ms | %.0f ms |
                    | hand-written SQL, same figures (JDBC, rollup) | %.0f ms | %.0f ms | %.0f ms |

                    | target | measured | |
                    |---|---|---|
                    | report ≤ 2 × the hand-written SQL | %.2f × | %s |
                    | seconds, not minutes | %.1f s | %s |

                    Digest %s; %d cells withheld.
                    """, month, loans, journal, monthLoans, monthTransfers, reportNanos.length, reportMedianMs(),
                    min(reportNanos) / 1e6, max(reportNanos) / 1e6, sqlMedianMs(), min(sqlNanos) / 1e6,
                    max(sqlNanos) / 1e6, ratio(), ratio() <= 2 ? "met" : "missed", reportMedianMs() / 1000,
                    reportMedianMs() < 10_000 ? "met" : "missed", digest, withheld);
        }
    }

    public static Report run(Settings s) throws Exception {
        String admin = Keycloak.newPerson("admin").token();
        String query = "/api/council/reports/usage?from=" + s.month() + "&to=" + s.month() + "&groupBy=district";
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.dbUser(), s.dbPassword())) {
            String grams = gramsTable(c);
            // Warm-up: the server's JIT and pools, the database's caches.
            for (int i = 0; i < 2; i++) {
                s.as().apply(admin).get(query).then().statusCode(200);
                baseline(c, s.month(), grams);
            }
            long[] report = new long[s.rounds()];
            long[] sql = new long[s.rounds()];
            String digest = null;
            int withheld = 0;
            for (int round = 0; round < s.rounds(); round++) {
                long t0 = System.nanoTime();
                var json = s.as().apply(admin).get(query).then().statusCode(200).extract().jsonPath();
                report[round] = System.nanoTime() - t0;
                String d = json.getString("digest");
                if (digest != null && !digest.equals(d)) {
                    throw new IllegalStateException("the same month gave two digests: " + digest + " and " + d);
                }
                digest = d;
                withheld = json.getList("rows.withheld.flatten()").size();
                long t1 = System.nanoTime();
                baseline(c, s.month(), grams);
                sql[round] = System.nanoTime() - t1;
            }
            Timestamp[] range = range(s.month());
            return new Report(s.month(), report, sql, count(c, "select count(*) from loan"),
                    count(c, "select count(*) from tb_journal"),
                    count(c, "select count(*) from loan where created_at >= ? and created_at < ?", range),
                    count(c, "select count(*) from tb_transfer where created_at >= ? and created_at < ?", range),
                    digest, withheld);
        }
    }

    /** Every category's grams of CO2e per loan by the carbon table, as SQL VALUES to join. */
    private static String gramsTable(Connection c) throws SQLException {
        EmbodiedCarbon carbon = EmbodiedCarbon.standard();
        StringBuilder values = new StringBuilder();
        try (PreparedStatement p = c.prepareStatement("select code from category"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                var kg = carbon.kgPerLoan(r.getString(1));
                if (kg.isPresent()) {
                    values.append(values.isEmpty() ? "" : ", ").append("('").append(r.getString(1)).append("', ")
                            .append(Math.round(kg.getAsDouble() * 1000)).append(')');
                }
            }
        }
        return values.isEmpty() ? "(values ('none', 0))" : "(values " + values + ")";
    }

    /** The same figures, hand-written: each table read once, districts and total together. */
    static int baseline(Connection c, YearMonth month, String grams) throws SQLException {
        Timestamp[] r = range(month);
        java.sql.Date today = java.sql.Date.valueOf(LocalDate.now(SEOUL));
        java.sql.Date first = java.sql.Date.valueOf(month.atDay(1));
        java.sql.Date last = java.sql.Date.valueOf(month.atEndOfMonth());
        String made = "o.status in ('APPROVED', 'OUT', 'RETURNED', 'LOST')";
        int rows = 0;
        rows += rows(c, "select l.district_code, count(*), count(distinct l.created_by) from listing l where "
                + "l.created_at >= ? and l.created_at < ? and l.status <> 'DRAFT' group by rollup (l.district_code)", r[0], r[1]);
        rows += rows(c, "select l.district_code, count(*), count(distinct o.borrower_id), "
                + "count(*) filter (where o.status = 'LOST' or (o.status = 'OUT' and o.last_day < ?) or "
                + "cast(o.returned_at as date) > o.last_day), count(distinct o.borrower_id) filter (where o.status = 'LOST' "
                + "or (o.status = 'OUT' and o.last_day < ?) or cast(o.returned_at as date) > o.last_day), "
                + "coalesce(sum(g.grams), 0), count(distinct o.borrower_id) filter (where g.grams is not null) "
                + "from loan o join listing l on l.id = o.listing_id left join " + grams + " g (code, grams) on "
                + "g.code = l.category_code where o.created_at >= ? and o.created_at < ? and " + made
                + " group by rollup (l.district_code)", today, today, r[0], r[1]);
        rows += rows(c, "select l.district_code, count(*), count(distinct b.booker_id) from booking b join listing l on "
                + "l.id = b.listing_id where b.created_at >= ? and b.created_at < ? and b.status <> 'CANCELLED' "
                + "group by rollup (l.district_code)", r[0], r[1]);
        rows += rows(c, "select l.district_code, count(*), count(distinct coalesce(l.owner_id, l.created_by)) from listing l "
                + "where l.kind = 'GOODS' and l.status = 'PUBLISHED' and l.created_at < ? and not exists (select 1 from "
                + "loan o where o.listing_id = l.id and " + made + " and o.first_day <= ? and o.last_day >= ?) "
                + "group by rollup (l.district_code)", r[1], last, first);
        rows += rows(c, "select sum(coalesce(t.posted_minutes, t.minutes)), count(distinct t.from_account), "
                + "sum(coalesce(t.posted_minutes, t.minutes)) filter (where s.kind = 'CHILDCARE'), count(distinct "
                + "t.from_account) filter (where s.kind = 'CHILDCARE') from tb_transfer t left join tb_session s on "
                + "s.transfer_id = t.id where t.status = 'POSTED' and t.kind in ('PAYMENT', 'SESSION') and "
                + "t.created_at >= ? and t.created_at < ?", r[0], r[1]);
        rows += rows(c, "select count(distinct h) from (select r.household_id h from loan o join resident r on "
                + "r.id = o.borrower_id where o.created_at >= ? and o.created_at < ? and " + made + " union select "
                + "r.household_id from booking b join resident r on r.id = b.booker_id where b.created_at >= ? and "
                + "b.created_at < ? and b.status <> 'CANCELLED' union select a.household_id from tb_transfer t join "
                + "tb_account a on a.id = t.from_account or a.id = t.to_account where a.household_id is not null and "
                + "t.status = 'POSTED' and t.kind in ('PAYMENT', 'SESSION') and t.created_at >= ? and t.created_at < ?) x",
                r[0], r[1], r[0], r[1], r[0], r[1]);
        rows += rows(c, "select e.action, count(*), count(distinct e.case_id) from transparency_entry e where e.at >= ? "
                + "and e.at < ? group by e.action", r[0], r[1]);
        rows += rows(c, "select x.status, count(*), count(distinct x.appellant_id) from (select a.status, a.appellant_id "
                + "from moderation_appeal a where a.created_at >= ? and a.created_at < ? union all select d.status, "
                + "d.appellant_id from deposit_appeal d where d.created_at >= ? and d.created_at < ?) x "
                + "group by rollup (x.status)", r[0], r[1], r[0], r[1]);
        return rows;
    }

    private static Timestamp[] range(YearMonth month) {
        return new Timestamp[] {Timestamp.from(month.atDay(1).atStartOfDay(SEOUL).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant())};
    }

    private static int rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            int n = 0;
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    private static long min(long[] nanos) {
        return Arrays.stream(nanos).min().orElse(0);
    }

    private static long max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0);
    }

    /**
     * Command line: {@code --month YYYY-MM} (default: four months ago, inside the generated year's
     * loans) {@code --rounds R} (5), against the server at NANUM_BENCH_URL and its PostgreSQL
     * (NANUM_DB_*). Prints the report and writes it to target/bench/report.md.
     */
    public static void main(String[] args) throws Exception {
        YearMonth month = YearMonth.now(SEOUL).minusMonths(4);
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--month" -> month = YearMonth.parse(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String base = System.getenv().getOrDefault("NANUM_BENCH_URL", "http://127.0.0.1:9080");
        Function<String, RequestSpecification> as = token -> {
            RequestSpecification spec = io.restassured.RestAssured.given().baseUri(base);
            return token == null ? spec : spec.header("Authorization", "Bearer " + token);
        };
        String jdbc = "jdbc:postgresql://" + System.getenv("NANUM_DB_HOST") + ":" + System.getenv("NANUM_DB_PORT") + "/"
                + System.getenv("NANUM_DB_NAME");
        Report report = run(new Settings(as, jdbc, System.getenv("NANUM_DB_USER"), System.getenv("NANUM_DB_PASSWORD"),
                month, rounds));
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        String md = report.markdown();
        Files.writeString(work.resolve("report.md"), md);
        System.out.println(md);
    }
}
