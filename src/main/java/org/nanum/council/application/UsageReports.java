package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.council.application.SmallCellSuppression.Cell;
import org.nanum.council.application.SmallCellSuppression.Key;
import org.nanum.council.application.SmallCellSuppression.Relation;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.timebank.domain.HashChain;

/**
 * The councils' usage report over whole months: lending, spaces, the time bank, moderation and
 * appeals, by district, category or month, with a total row. Every figure is an aggregate; any
 * cell behind which fewer than five residents or households stand is withheld, and so is any cell
 * from which a withheld one could be recalculated ({@link SmallCellSuppression}). The report
 * carries its period, {@link #QUERY_VERSION} and a digest of what it publishes and of the ledger's
 * hash-chain head at the period's end: the same data gives the same digest, so a council can cite it.
 * Withheld values never enter the digest (a hash of a small number could be guessed back).
 */
@ApplicationScoped
public class UsageReports {
    public static final String QUERY_VERSION = "usage-1";
    public static final String ALL = "ALL";
    /** Longest period one report covers. */
    public static final int MAX_MONTHS = 24;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    CouncilService councils;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;

    private final EmbodiedCarbon carbon = EmbodiedCarbon.standard();

    public enum GroupBy { DISTRICT, CATEGORY, MONTH }

    /** A column: its name, unit, who the contributors are, and whether group rows carry it. */
    public enum Measure {
        LISTINGS_PUBLISHED("listings", "residents", true, "Listings created in the period and published (not drafts)"),
        LOANS_MADE("loans", "residents", true, "Loans of goods agreed in the period (approved, out, returned or lost)"),
        LOANS_OVERDUE("loans", "residents", true, "Of those, loans returned after their last day, still out past it, or lost"),
        BOOKINGS_MADE("bookings", "residents", true, "Bookings of shared spaces made in the period and not cancelled"),
        ITEMS_NEVER_BORROWED("items", "residents", true, "Published goods with no loan on any day of the period"),
        CARBON_AVOIDED_KG("kg CO2e", "residents", true,
                "Estimated embodied carbon avoided by the period's loans in covered categories (method " + EmbodiedCarbon.METHOD_VERSION + ")"),
        TIMEBANK_HOURS("hours", "households", false, "Hours exchanged between households (payments and sessions, posted)"),
        CHILDCARE_HOURS("hours", "households", false, "Of those, hours of childcare sessions"),
        ACTIVE_HOUSEHOLDS("households", "households", false, "Households that borrowed, booked, or gave or received hours"),
        MODERATION_HIDDEN("actions", "cases", false, "Listings or photos hidden by staff"),
        MODERATION_AUTO_HIDDEN("actions", "cases", false, "Listings hidden automatically by reports, pending review"),
        MODERATION_RESTORED("actions", "cases", false, "Listings or photos restored"),
        MODERATION_WARNED("actions", "cases", false, "Residents warned"),
        MODERATION_SUSPENDED("actions", "cases", false, "Residents suspended"),
        MODERATION_DISMISSED("actions", "cases", false, "Cases dismissed"),
        APPEALS_FILED("appeals", "residents", false, "Appeals of moderation decisions and deposit outcomes filed in the period"),
        APPEALS_UPHELD("appeals", "residents", false, "Of those, upheld by the council"),
        APPEALS_OVERTURNED("appeals", "residents", false, "Of those, overturned by the council"),
        APPEALS_OPEN("appeals", "residents", false, "Of those, not heard yet");

        private final String unit;
        private final String contributors;
        private final boolean byGroup;
        private final String description;

        Measure(String unit, String contributors, boolean byGroup, String description) {
            this.unit = unit;
            this.contributors = contributors;
            this.byGroup = byGroup;
            this.description = description;
        }

        public String unit() {
            return unit;
        }

        public String description() {
            return description;
        }

        /** Whether rows of a district or category carry it (otherwise only the total and month rows). */
        public boolean byGroup() {
            return byGroup;
        }

        public String contributors() {
            return contributors;
        }
    }

    public record MeasureView(String name, String unit, String contributors, String description) {
    }

    /** A row: its group (a district code, a category code, a month, or ALL) and each measure's figure; null where withheld or not reported for the group. */
    public record Row(String group, Map<String, Double> values, List<String> withheld) {
    }

    public record Report(String from, String to, String groupBy, String queryVersion, String digest,
                         long ledgerChainPosition, String ledgerChainHash, Double overdueRate, Double carbonCoverage,
                         String carbonMethod, int threshold, List<MeasureView> measures, List<Row> rows,
                         Instant generatedAt) {
    }

    private record Range(String label, Instant start, Instant end, LocalDate firstDay, LocalDate lastDay) {
    }

    @Transactional
    public Report usage(@NotNull SignedInUser user, String from, String to, String groupBy) {
        if (!user.hasRole(Roles.ADMIN)) {
            councils.requireAnySeat(user);
        }
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        GroupBy by = groupBy(groupBy);
        YearMonth current = YearMonth.now(clock.withZone(cityZone));
        if (last.isBefore(first)) {
            throw new ProblemException.InvalidField("to", "not before from");
        }
        if (!last.isBefore(current)) {
            throw new ProblemException.InvalidField("to", "a month that has ended (the last is " + current.minusMonths(1) + ")");
        }
        if (first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            throw new ProblemException.InvalidField("to", "at most " + MAX_MONTHS + " months after from");
        }
        return compute(first, last, by);
    }

    /** The report without the caller check (the benchmark and the tests of the method call it). */
    @Transactional
    public Report compute(YearMonth first, YearMonth last, GroupBy by) {
        Range whole = range(first + (first.equals(last) ? "" : "/" + last), first, last);
        Map<Key, Cell> cells = new TreeMap<>();
        List<String> groups = new ArrayList<>();
        long[] overdueTotals = new long[2];
        if (by == GroupBy.MONTH) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Range r = range(m.toString(), m, m);
                groups.add(r.label());
                fill(cells, r, r.label(), null);
                fillTotals(cells, r, r.label());
            }
        } else {
            String g = by == GroupBy.DISTRICT ? "coalesce(l.district_code, '-')" : "l.category_code";
            fill(cells, whole, null, g);
            cells.keySet().stream().map(Key::row).distinct().sorted().forEach(groups::add);
        }
        fill(cells, whole, ALL, null);
        fillTotals(cells, whole, ALL);
        overdueTotals[0] = value(cells, ALL, Measure.LOANS_OVERDUE);
        overdueTotals[1] = value(cells, ALL, Measure.LOANS_MADE);

        List<Relation> relations = new ArrayList<>();
        for (Measure m : Measure.values()) {
            boolean additive = m != Measure.ACTIVE_HOUSEHOLDS
                    && !(by == GroupBy.MONTH && m == Measure.ITEMS_NEVER_BORROWED);
            if (additive && !groups.isEmpty() && (m.byGroup() || by == GroupBy.MONTH)) {
                relations.add(new Relation(groups.stream().map(g -> new Key(g, m.name())).toList(), new Key(ALL, m.name())));
            }
        }
        List<String> allRows = new ArrayList<>(groups);
        allRows.add(ALL);
        for (String row : allRows) {
            if (cells.containsKey(new Key(row, Measure.APPEALS_FILED.name()))) {
                relations.add(new Relation(List.of(new Key(row, Measure.APPEALS_UPHELD.name()),
                        new Key(row, Measure.APPEALS_OVERTURNED.name()), new Key(row, Measure.APPEALS_OPEN.name())),
                        new Key(row, Measure.APPEALS_FILED.name())));
            }
        }
        // Every row has every cell it reports (zero where nothing happened), so the relations hold exactly.
        for (String row : allRows) {
            for (Measure m : Measure.values()) {
                if (m.byGroup() || by == GroupBy.MONTH || row.equals(ALL)) {
                    cells.putIfAbsent(new Key(row, m.name()), new Cell(0, 0));
                }
            }
        }
        Set<Key> withheld = SmallCellSuppression.suppress(cells, relations);

        List<Row> rows = new ArrayList<>();
        StringBuilder canonical = new StringBuilder(QUERY_VERSION).append('|').append(first).append('|').append(last)
                .append('|').append(by);
        Object[] head = ledgerHead(whole.end());
        long headPos = ((Number) head[0]).longValue();
        String headHash = (String) head[1];
        canonical.append("|ledger:").append(headPos).append(':').append(headHash);
        for (String row : allRows) {
            Map<String, Double> values = new LinkedHashMap<>();
            List<String> out = new ArrayList<>();
            for (Measure m : Measure.values()) {
                Key k = new Key(row, m.name());
                Cell c = cells.get(k);
                if (c == null) {
                    continue;
                }
                if (withheld.contains(k)) {
                    values.put(m.name(), null);
                    out.add(m.name());
                    canonical.append('|').append(row).append('.').append(m).append("=[c]");
                } else {
                    double v = published(m, c.value());
                    values.put(m.name(), v);
                    canonical.append('|').append(row).append('.').append(m).append('=').append(v);
                }
            }
            rows.add(new Row(row, values, out));
        }
        boolean rateShown = !withheld.contains(new Key(ALL, Measure.LOANS_OVERDUE.name()))
                && !withheld.contains(new Key(ALL, Measure.LOANS_MADE.name()));
        Double rate = !rateShown || overdueTotals[1] == 0 ? null
                : Math.round(1000.0 * overdueTotals[0] / overdueTotals[1]) / 1000.0;
        Double coverage = carbonCoverage(whole);
        canonical.append("|overdue-rate=").append(rate).append("|carbon-coverage=").append(coverage);
        return new Report(first.toString(), last.toString(), by.name(), QUERY_VERSION, sha256(canonical.toString()),
                headPos, headHash, rate, coverage, EmbodiedCarbon.METHOD_VERSION, SmallCellSuppression.THRESHOLD,
                java.util.Arrays.stream(Measure.values()).map(m -> new MeasureView(m.name(), m.unit(), m.contributors(),
                        m.description())).toList(), rows, clock.instant());
    }

    /** Minutes become hours (one decimal), grams become kilograms (one decimal); counts stay counts. */
    private static double published(Measure m, long value) {
        return switch (m) {
            case TIMEBANK_HOURS, CHILDCARE_HOURS -> Math.round(value / 6.0) / 10.0;
            case CARBON_AVOIDED_KG -> Math.round(value / 100.0) / 10.0;
            default -> value;
        };
    }

    /** The lending measures, for one range, grouped by {@code groupExpr} (or all in row {@code label}). */
    private void fill(Map<Key, Cell> cells, Range r, String label, String groupExpr) {
        String g = groupExpr == null ? "'" + ALL + "'" : groupExpr;
        String by = groupExpr == null ? "" : " group by " + g;
        String made = "o.status in ('APPROVED', 'OUT', 'RETURNED', 'LOST')";
        put(cells, label, Measure.LISTINGS_PUBLISHED, em.createNativeQuery("select " + g + ", count(*), "
                + "count(distinct l.created_by) from listing l where l.created_at >= ? and l.created_at < ? "
                + "and l.status <> 'DRAFT'" + by), r.start(), r.end());
        put(cells, label, Measure.LOANS_MADE, em.createNativeQuery("select " + g + ", count(*), count(distinct o.borrower_id) "
                + "from loan o join listing l on l.id = o.listing_id where o.created_at >= ? and o.created_at < ? and "
                + made + by), r.start(), r.end());
        String late = "(o.status = 'LOST' or (o.status = 'OUT' and o.last_day < ?) "
                + "or (o.returned_at is not null and cast(o.returned_at as date) > o.last_day))";
        put(cells, label, Measure.LOANS_OVERDUE, em.createNativeQuery("select " + g + ", count(*), "
                + "count(distinct o.borrower_id) from loan o join listing l on l.id = o.listing_id where o.created_at >= ? "
                + "and o.created_at < ? and " + made + " and " + late + by), r.start(), r.end(),
                LocalDate.now(clock.withZone(cityZone)));
        put(cells, label, Measure.BOOKINGS_MADE, em.createNativeQuery("select " + g + ", count(*), count(distinct b.booker_id) "
                + "from booking b join listing l on l.id = b.listing_id where b.created_at >= ? and b.created_at < ? "
                + "and b.status <> 'CANCELLED'" + by), r.start(), r.end());
        put(cells, label, Measure.ITEMS_NEVER_BORROWED, em.createNativeQuery("select " + g + ", count(*), "
                + "count(distinct coalesce(l.owner_id, l.created_by)) from listing l where l.kind = 'GOODS' and "
                + "l.status = 'PUBLISHED' and l.created_at < ? and not exists (select 1 from loan o where "
                + "o.listing_id = l.id and " + made + " and o.first_day <= ? and o.last_day >= ?)" + by),
                r.end(), r.lastDay(), r.firstDay());
        // Carbon: loans by category, weighed by the table; contributors are the borrowers of covered loans.
        Map<String, Long> grams = new TreeMap<>();
        for (Object[] row : rows(em.createNativeQuery("select " + g + ", l.category_code, count(*) from loan o join "
                + "listing l on l.id = o.listing_id where o.created_at >= ? and o.created_at < ? and " + made
                + (groupExpr == null ? " group by l.category_code" : by + ", l.category_code")), r.start(), r.end())) {
            double perLoan = carbon.kgPerLoan((String) row[1]).orElse(0);
            grams.merge(group(row[0], label), Math.round(perLoan * 1000 * ((Number) row[2]).longValue()), Long::sum);
        }
        StringBuilder covered = new StringBuilder("(1 = 0");
        List<Object> params = new ArrayList<>(List.of(r.start(), r.end()));
        for (String code : carbon.coveredCodes()) {
            covered.append(" or l.category_code = ? or l.category_code like ?");
            params.add(code);
            params.add(code + ".%");
        }
        for (Object[] row : rows(em.createNativeQuery("select " + g + ", count(distinct o.borrower_id) from loan o "
                + "join listing l on l.id = o.listing_id where o.created_at >= ? and o.created_at < ? and " + made
                + " and " + covered + ")" + by), params.toArray())) {
            String group = group(row[0], label);
            cells.put(new Key(group, Measure.CARBON_AVOIDED_KG.name()),
                    new Cell(grams.getOrDefault(group, 0L), ((Number) row[1]).longValue()));
        }
    }

    /** The measures reported for a whole range only (a month row or the total row). */
    private void fillTotals(Map<Key, Cell> cells, Range r, String label) {
        String posted = "t.status = 'POSTED' and t.kind in ('PAYMENT', 'SESSION') and t.created_at >= ? and t.created_at < ?";
        Object[] hours = one(em.createNativeQuery("select coalesce(sum(coalesce(t.posted_minutes, t.minutes)), 0), "
                + "count(distinct t.from_account) from tb_transfer t where " + posted), r.start(), r.end());
        cells.put(new Key(label, Measure.TIMEBANK_HOURS.name()), cell(hours[0], hours[1]));
        Object[] care = one(em.createNativeQuery("select coalesce(sum(coalesce(t.posted_minutes, t.minutes)), 0), "
                + "count(distinct t.from_account) from tb_transfer t join tb_session s on s.transfer_id = t.id "
                + "where s.kind = 'CHILDCARE' and " + posted), r.start(), r.end());
        cells.put(new Key(label, Measure.CHILDCARE_HOURS.name()), cell(care[0], care[1]));
        Object[] active = one(em.createNativeQuery("select count(distinct h), count(distinct h) from ("
                + "select r.household_id h from loan o join resident r on r.id = o.borrower_id where o.created_at >= ? "
                + "and o.created_at < ? and o.status in ('APPROVED', 'OUT', 'RETURNED', 'LOST') "
                + "union select r.household_id h from booking b join resident r on r.id = b.booker_id "
                + "where b.created_at >= ? and b.created_at < ? and b.status <> 'CANCELLED' "
                + "union select a.household_id h from tb_transfer t join tb_account a on a.id = t.from_account "
                + "or a.id = t.to_account where a.household_id is not null and " + posted + ") x where h is not null"),
                r.start(), r.end(), r.start(), r.end(), r.start(), r.end());
        cells.put(new Key(label, Measure.ACTIVE_HOUSEHOLDS.name()), cell(active[0], active[1]));
        for (Object[] row : rows(em.createNativeQuery("select e.action, count(*), count(distinct e.case_id) from "
                + "transparency_entry e where e.at >= ? and e.at < ? group by e.action"), r.start(), r.end())) {
            try {
                Measure m = Measure.valueOf("MODERATION_" + row[0]);
                cells.put(new Key(label, m.name()), cell(row[1], row[2]));
            } catch (IllegalArgumentException notReported) {
                // reports, appeals and suspension ends are counted elsewhere or not at all
            }
        }
        String appeals = "select a.status, a.appellant_id from moderation_appeal a where a.created_at >= ? and "
                + "a.created_at < ? union all select d.status, d.appellant_id from deposit_appeal d where "
                + "d.created_at >= ? and d.created_at < ?";
        Object[] filed = one(em.createNativeQuery("select count(*), count(distinct x.appellant_id) from (" + appeals
                + ") x"), r.start(), r.end(), r.start(), r.end());
        cells.put(new Key(label, Measure.APPEALS_FILED.name()), cell(filed[0], filed[1]));
        for (Object[] row : rows(em.createNativeQuery("select x.status, count(*), count(distinct x.appellant_id) from ("
                + appeals + ") x group by x.status"), r.start(), r.end(), r.start(), r.end())) {
            Measure m = switch ((String) row[0]) {
                case "UPHELD" -> Measure.APPEALS_UPHELD;
                case "OVERTURNED" -> Measure.APPEALS_OVERTURNED;
                default -> Measure.APPEALS_OPEN;
            };
            cells.put(new Key(label, m.name()), cell(row[1], row[2]));
        }
    }

    /** Share of the period's loans whose category the carbon table covers; null when there were none. */
    private Double carbonCoverage(Range r) {
        long all = 0;
        long covered = 0;
        for (Object[] row : rows(em.createNativeQuery("select l.category_code, count(*) from loan o join listing l on "
                + "l.id = o.listing_id where o.created_at >= ? and o.created_at < ? and o.status in ('APPROVED', 'OUT', "
                + "'RETURNED', 'LOST') group by l.category_code"), r.start(), r.end())) {
            long n = ((Number) row[1]).longValue();
            all += n;
            covered += carbon.covers((String) row[0]) ? n : 0;
        }
        return all == 0 ? null : Math.round(1000.0 * covered / all) / 1000.0;
    }

    /**
     * The chain at the period's end: the position and hash of the last sealed entry recorded before
     * it (the sealer chains entries in the order they were recorded); 0 and the genesis hash when none.
     */
    private Object[] ledgerHead(Instant end) {
        List<Object[]> head = rows(em.createNativeQuery("select j.chain_pos, j.hash from tb_journal j where "
                + "j.recorded_at < ? and j.chain_pos is not null order by j.recorded_at desc, j.chain_pos desc")
                .setMaxResults(1), end);
        return head.isEmpty() ? new Object[] {0L, HashChain.GENESIS} : head.get(0);
    }

    private void put(Map<Key, Cell> cells, String label, Measure m, jakarta.persistence.Query q, Object... params) {
        for (Object[] row : rows(q, params)) {
            cells.put(new Key(group(row[0], label), m.name()), cell(row[1], row[2]));
        }
    }

    private static String group(Object value, String label) {
        return label != null ? label : String.valueOf(value);
    }

    private static Cell cell(Object value, Object contributors) {
        return new Cell(((Number) value).longValue(), ((Number) contributors).longValue());
    }

    private static long value(Map<Key, Cell> cells, String row, Measure m) {
        Cell c = cells.get(new Key(row, m.name()));
        return c == null ? 0 : c.value();
    }

    private Object[] one(jakarta.persistence.Query q, Object... params) {
        return rows(q, params).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query q, Object... params) {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            q.setParameter(i + 1, p instanceof Instant t ? Timestamp.from(t) : p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
        }
        List<?> result = q.getResultList();
        List<Object[]> out = new ArrayList<>(result.size());
        for (Object o : result) {
            out.add(o instanceof Object[] a ? a : new Object[] {o});
        }
        return out;
    }

    private Range range(String label, YearMonth first, YearMonth last) {
        return new Range(label, first.atDay(1).atStartOfDay(cityZone).toInstant(),
                last.plusMonths(1).atDay(1).atStartOfDay(cityZone).toInstant(), first.atDay(1), last.atEndOfMonth());
    }

    private static YearMonth month(String field, String value) {
        try {
            if (value == null || !value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not a month", String.valueOf(value), 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidField(field, "a whole month, YYYY-MM: reports cover whole months, so that "
                    + "two reports cannot be subtracted to reveal a small cell");
        }
    }

    private static GroupBy groupBy(String value) {
        try {
            return GroupBy.valueOf(value == null ? "MONTH" : value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidField("groupBy", "district, category or month");
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
