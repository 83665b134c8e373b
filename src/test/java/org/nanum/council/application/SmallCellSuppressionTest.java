package org.nanum.council.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nanum.council.application.SmallCellSuppression.Cell;
import org.nanum.council.application.SmallCellSuppression.Key;
import org.nanum.council.application.SmallCellSuppression.Relation;

class SmallCellSuppressionTest {
    private static final String ALL = "ALL";

    /** A report under construction: totals are computed from their parts, so every relation holds. */
    private static final class Report {
        final Map<Key, Cell> cells = new TreeMap<>();
        final List<Relation> relations = new ArrayList<>();

        Report put(String row, String measure, long value, long contributors) {
            cells.put(new Key(row, measure), new Cell(value, contributors));
            return this;
        }

        Report sum(List<Key> parts, Key whole) {
            cells.put(whole, new Cell(parts.stream().mapToLong(k -> cells.get(k).value()).sum(),
                    parts.stream().mapToLong(k -> cells.get(k).contributors()).sum()));
            relations.add(new Relation(parts, whole));
            return this;
        }

        /** Groups by measures, an ALL row per measure and, when total is given, a total measure per row. */
        static Report grid(List<String> rows, List<String> measures, String total, long[][] values, long[][] contributors) {
            Report r = new Report();
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < measures.size(); j++) {
                    r.put(rows.get(i), measures.get(j), values[i][j], contributors[i][j]);
                }
            }
            List<String> columns = new ArrayList<>(measures);
            if (total != null) {
                for (String row : rows) {
                    r.sum(keys(row, measures), new Key(row, total));
                }
                columns.add(total);
            }
            for (String m : columns) {
                r.sum(rows.stream().map(row -> new Key(row, m)).toList(), new Key(ALL, m));
            }
            if (total != null) {
                r.relations.add(new Relation(keys(ALL, measures), new Key(ALL, total)));
            }
            return r;
        }

        Map<Key, Long> published(Set<Key> withheld) {
            return cells.entrySet().stream().filter(e -> !withheld.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
        }

        Set<Key> suppress() {
            return SmallCellSuppression.suppress(cells, relations);
        }

        Set<Key> primary() {
            return cells.entrySet().stream().filter(e -> e.getValue().contributors() > 0 && e.getValue().contributors() < 5)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        }
    }

    private static List<Key> keys(String row, List<String> measures) {
        return measures.stream().map(m -> new Key(row, m)).toList();
    }

    private static Key k(String row, String measure) {
        return new Key(row, measure);
    }

    private static void assertNothingDerivable(Report r, Set<Key> withheld) {
        Map<Key, Long> published = r.published(withheld);
        for (Key w : withheld) {
            assertFalse(SmallCellSuppression.derivable(published, withheld, r.relations, w), w + " can be recalculated");
        }
    }

    @Test
    void withholds_cells_of_one_to_four_contributors_whatever_their_value() {
        Report r = new Report().put("North", "loans", 3, 3).put("South", "loans", 5, 5).put("East", "loans", 0, 0)
                .put("West", "hours", 40, 3).put("West", "loans", 2, 7).put("North", "hours", 7, 4);
        assertEquals(Set.of(k("North", "loans"), k("West", "hours"), k("North", "hours")), r.suppress());
    }

    @Test
    void a_lone_small_cell_under_a_published_total_takes_the_smallest_other_part_with_it() {
        Report r = new Report().put("A", "loans", 40, 31).put("B", "loans", 3, 3).put("C", "loans", 7, 9)
                .put("D", "loans", 7, 6).put("E", "loans", 25, 20);
        r.sum(Stream.of("A", "B", "C", "D", "E").map(g -> k(g, "loans")).toList(), k(ALL, "loans"));
        Set<Key> withheld = r.suppress();
        assertEquals(Set.of(k("B", "loans"), k("D", "loans")), withheld);
        assertTrue(SmallCellSuppression.derivable(r.published(Set.of(k("B", "loans"))), Set.of(k("B", "loans")), r.relations,
                k("B", "loans")));
        assertNothingDerivable(r, withheld);
    }

    @Test
    void appeals_by_outcome_and_by_district_hide_nothing_either_way() {
        List<String> districts = List.of("North", "South", "East", "West");
        long[][] v = {{6, 2, 9}, {8, 7, 5}, {11, 6, 10}, {5, 9, 12}};
        Report r = Report.grid(districts, List.of("upheld", "overturned", "open"), "appeals", v, v);
        Set<Key> withheld = r.suppress();
        assertTrue(withheld.contains(k("North", "overturned")));
        assertTrue(withheld.size() >= 4, "the lone cell needs a partner in its row and its column, and they in theirs");
        for (Relation rel : r.relations) {
            assertTrue(rel.parts().stream().filter(withheld::contains).count() + (withheld.contains(rel.whole()) ? 1 : 0) != 1,
                    rel + " has one withheld term");
        }
        assertNothingDerivable(r, withheld);
        new Attack(r, withheld).assertEveryWithheldValueHasAnAlternative();
    }

    @Test
    void a_cell_every_line_of_which_has_a_partner_is_still_withheld_when_the_lines_together_recalculate_it() {
        List<String> rows = List.of("r1", "r2", "r3", "r4");
        List<String> measures = List.of("m1", "m2", "m3", "m4");
        long[][] v = {{3, 4, 2, 30}, {2, 3, 40, 50}, {60, 70, 3, 4}, {80, 90, 2, 3}};
        Report r = Report.grid(rows, measures, "total", v, v);
        Set<Key> primary = r.primary();
        Key bridge = k("r1", "m3");
        assertTrue(SmallCellSuppression.derivable(r.published(primary), primary, r.relations, bridge),
                "two blocks of small cells joined by one cell give that cell away");
        Set<Key> withheld = r.suppress();
        assertTrue(withheld.containsAll(primary));
        assertTrue(withheld.size() > primary.size());
        assertNothingDerivable(r, withheld);
        new Attack(r, withheld).assertEveryWithheldValueHasAnAlternative();
    }

    @Test
    void withheld_zeros_that_could_only_be_zero_are_joined_by_a_non_zero_cell() {
        Report r = new Report().put("A", "hours", 0, 2).put("B", "hours", 0, 0).put("C", "hours", 5, 6).put("D", "hours", 9, 8);
        r.sum(Stream.of("A", "B", "C", "D").map(g -> k(g, "hours")).toList(), k(ALL, "hours"));
        Set<Key> zeros = Set.of(k("A", "hours"), k("B", "hours"));
        assertFalse(SmallCellSuppression.derivable(r.published(zeros), zeros, r.relations, k("A", "hours")),
                "the equations alone leave A open; only non-negativity pins it to 0");
        Set<Key> withheld = r.suppress();
        assertEquals(Set.of(k("A", "hours"), k("B", "hours"), k("C", "hours")), withheld);
        new Attack(r, withheld).assertEveryWithheldValueHasAnAlternative();
    }

    @Test
    void no_withheld_value_of_a_random_small_table_survives_a_brute_force_attack() {
        int secondary = 0;
        int withheldZeros = 0;
        for (int seed = 0; seed < 300; seed++) {
            for (boolean households : new boolean[] {true, false}) {
                Random rnd = new Random(seed * 2L + (households ? 0 : 1));
                Report r = randomGrid(rnd, households);
                Set<Key> withheld = r.suppress();
                assertTrue(withheld.containsAll(r.primary()), "seed " + seed);
                new Attack(r, withheld).assertEveryWithheldValueHasAnAlternative();
                secondary += withheld.size() - r.primary().size();
                withheldZeros += (int) withheld.stream().filter(w -> r.cells.get(w).value() == 0).count();
            }
        }
        assertTrue(secondary > 300, "the tables exercise secondary suppression");
        assertTrue(withheldZeros > 30, "the tables exercise withheld zeros");
    }

    @Test
    void derivable_when_the_rest_of_a_column_and_its_total_are_published_and_not_when_two_are_withheld() {
        Report r = new Report().put("A", "loans", 4, 4).put("B", "loans", 6, 6).put("C", "loans", 9, 9)
                .put("C", "spaces", 2, 2).put("C", "tools", 8, 8);
        r.sum(List.of(k("A", "loans"), k("B", "loans"), k("C", "loans")), k(ALL, "loans"));
        Set<Key> one = Set.of(k("A", "loans"));
        assertTrue(SmallCellSuppression.derivable(r.published(one), one, r.relations, k("A", "loans")));
        assertTrue(SmallCellSuppression.derivable(r.published(one), one, r.relations, k("B", "loans")));
        Set<Key> two = Set.of(k("A", "loans"), k("C", "loans"));
        assertFalse(SmallCellSuppression.derivable(r.published(two), two, r.relations, k("A", "loans")));
        assertFalse(SmallCellSuppression.derivable(r.published(two), two, r.relations, k("C", "loans")));
        r.sum(List.of(k("C", "loans"), k("C", "spaces"), k("C", "tools")), k("C", "all lending"));
        assertTrue(SmallCellSuppression.derivable(r.published(two), two, r.relations, k("A", "loans")),
                "the row gives C away, and C the column");
        Set<Key> three = Set.of(k("A", "loans"), k("C", "loans"), k("C", "spaces"));
        assertFalse(SmallCellSuppression.derivable(r.published(three), three, r.relations, k("A", "loans")));
        assertFalse(SmallCellSuppression.derivable(r.published(three), three, r.relations, k("C", "spaces")));
    }

    @Test
    void the_same_table_gives_the_same_cells_whatever_order_its_cells_come_in() {
        Report r = randomGrid(new Random(7), false);
        Set<Key> first = r.suppress();
        Map<Key, Cell> reversed = new LinkedHashMap<>();
        new ArrayList<>(r.cells.keySet()).reversed().forEach(key -> reversed.put(key, r.cells.get(key)));
        assertEquals(first, r.suppress());
        assertEquals(first, SmallCellSuppression.suppress(reversed, r.relations));
        assertTrue(first.size() > r.primary().size());
    }

    @Test
    void a_city_wide_report_is_suppressed_quickly_and_gives_nothing_away() {
        Random rnd = new Random(42);
        List<String> outcomes = List.of("upheld", "overturned", "open");
        List<String> categories = List.of("tools", "books", "toys", "spaces");
        List<String> others = IntStream.range(0, 11).mapToObj(i -> "measure " + i).toList();
        List<String> measures = Stream.of(outcomes, categories, others).flatMap(List::stream).toList();
        List<String> all = Stream.of(measures, List.of("appeals", "listings")).flatMap(List::stream).toList();
        Report r = new Report();
        List<String> regions = IntStream.range(0, 6).mapToObj(i -> "region " + i).toList();
        for (String region : regions) {
            List<String> districts = IntStream.range(0, 5).mapToObj(i -> region + " district " + i).toList();
            for (String d : districts) {
                for (String m : measures) {
                    long value = rnd.nextInt(3) == 0 ? rnd.nextInt(6) : rnd.nextInt(80);
                    r.put(d, m, value, value);
                }
                r.sum(keys(d, outcomes), k(d, "appeals")).sum(keys(d, categories), k(d, "listings"));
            }
            for (String m : all) {
                r.sum(districts.stream().map(d -> k(d, m)).toList(), k(region, m));
            }
        }
        for (String m : all) {
            r.sum(regions.stream().map(g -> k(g, m)).toList(), k(ALL, m));
        }
        for (String g : Stream.concat(regions.stream(), Stream.of(ALL)).toList()) {
            r.relations.add(new Relation(keys(g, outcomes), k(g, "appeals")));
            r.relations.add(new Relation(keys(g, categories), k(g, "listings")));
        }
        assertTrue(r.relations.size() > 200);
        Set<Key> withheld = assertTimeoutPreemptively(Duration.ofSeconds(2), r::suppress);
        assertTrue(withheld.containsAll(r.primary()));
        assertNothingDerivable(r, withheld);
    }

    private static Report randomGrid(Random rnd, boolean households) {
        List<String> rows = IntStream.range(0, 3 + rnd.nextInt(2)).mapToObj(i -> "g" + i).toList();
        List<String> measures = IntStream.range(0, 2 + rnd.nextInt(2)).mapToObj(i -> "m" + i).toList();
        long[][] values = new long[rows.size()][measures.size()];
        long[][] contributors = new long[rows.size()][measures.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < measures.size(); j++) {
                values[i][j] = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(13);
                contributors[i][j] = households ? values[i][j] : rnd.nextInt(10);
            }
        }
        return Report.grid(rows, measures, rnd.nextBoolean() ? "total" : null, values, contributors);
    }

    /**
     * An attacker who knows the published cells and the relations and searches the non-negative integer
     * completions of the withheld cells (each at most one more than the largest true value: a narrower
     * range than the attacker's, so a stricter test). Independent of the class under test.
     */
    private static final class Attack {
        private final List<Key> unknown;
        private final long[] truth;
        private final int[][] terms;
        private final int[][] signs;
        private final long[] constants;
        private final long bound;
        private long budget = 5_000_000;

        Attack(Report r, Set<Key> withheld) {
            unknown = List.copyOf(withheld);
            truth = unknown.stream().mapToLong(w -> r.cells.get(w).value()).toArray();
            bound = r.cells.values().stream().mapToLong(Cell::value).max().orElse(0) + 1;
            int n = r.relations.size();
            terms = new int[n][];
            signs = new int[n][];
            constants = new long[n];
            for (int i = 0; i < n; i++) {
                Relation rel = r.relations.get(i);
                List<Key> all = Stream.concat(rel.parts().stream(), Stream.of(rel.whole())).toList();
                List<Integer> t = new ArrayList<>();
                List<Integer> s = new ArrayList<>();
                for (int j = 0; j < all.size(); j++) {
                    int sign = j < rel.parts().size() ? 1 : -1;
                    int u = unknown.indexOf(all.get(j));
                    if (u >= 0) {
                        t.add(u);
                        s.add(sign);
                    } else {
                        constants[i] += sign * r.cells.get(all.get(j)).value();
                    }
                }
                terms[i] = t.stream().mapToInt(Integer::intValue).toArray();
                signs[i] = s.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        void assertEveryWithheldValueHasAnAlternative() {
            assertTrue(unknown.isEmpty() || completes(0, truth[0]), "the true values complete the table");
            for (int i = 0; i < unknown.size(); i++) {
                boolean open = false;
                for (long v = 0; v <= bound && !open; v++) {
                    open = v != truth[i] && completes(i, v);
                }
                assertTrue(open, unknown.get(i) + " can only be " + truth[i]);
            }
        }

        private boolean completes(int target, long value) {
            long[] x = new long[unknown.size()];
            Arrays.fill(x, -1);
            x[target] = value;
            return search(x);
        }

        private boolean search(long[] given) {
            assertTrue(--budget > 0, "the attack did not finish");
            long[] x = given.clone();
            if (!propagate(x)) {
                return false;
            }
            int free = 0;
            while (free < x.length && x[free] >= 0) {
                free++;
            }
            if (free == x.length) {
                return true;
            }
            for (long step = 0; step <= bound; step++) {
                for (long v : step == 0 ? new long[] {truth[free]} : new long[] {truth[free] - step, truth[free] + step}) {
                    if (v >= 0 && v <= bound) {
                        x[free] = v;
                        if (search(x)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Fills in what single unknowns the relations force; false on a contradiction. */
        private boolean propagate(long[] x) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < terms.length; i++) {
                    long sum = constants[i];
                    int open = 0;
                    int last = -1;
                    int lastSign = 0;
                    int openSigns = 0;
                    for (int j = 0; j < terms[i].length; j++) {
                        long xv = x[terms[i][j]];
                        if (xv >= 0) {
                            sum += signs[i][j] * xv;
                        } else {
                            open++;
                            last = terms[i][j];
                            lastSign = signs[i][j];
                            openSigns += signs[i][j];
                        }
                    }
                    if (open == 0 && sum != 0) {
                        return false;
                    }
                    if (open == 1) {
                        long forced = -sum * lastSign;
                        if (forced < 0 || forced > bound) {
                            return false;
                        }
                        x[last] = forced;
                        changed = true;
                    } else if (open > 1 && (openSigns == open && sum > 0 || openSigns == -open && sum < 0)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
