package org.nanum.council.application;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Small-cell suppression for council usage reports. A cell that counts 1 to {@link #THRESHOLD} - 1
 * residents or households is withheld (primary suppression). So is every further cell needed to keep
 * a withheld value from being recalculated out of the published cells and the table's exact relations
 * (secondary suppression): first, no relation may be left with a single withheld term; then, with exact
 * integer arithmetic, no withheld value may be pinned down by the relations, either as a linear
 * combination of published values or because cells cannot be negative.
 */
public final class SmallCellSuppression {
    public static final int THRESHOLD = 5;

    private SmallCellSuppression() {
    }

    public record Key(String row, String measure) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::row).thenComparing(Key::measure);

        public Key {
            Objects.requireNonNull(row);
            Objects.requireNonNull(measure);
        }

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** A value and the number of distinct residents or households behind it. */
    public record Cell(long value, long contributors) {
        public Cell {
            if (value < 0 || contributors < 0) {
                throw new IllegalArgumentException("cells are not negative");
            }
        }
    }

    /** An exact published relation: the parts add up to the whole (a column's groups to its total; appeals to its outcomes). */
    public record Relation(List<Key> parts, Key whole) {
        public Relation {
            parts = List.copyOf(parts);
            Objects.requireNonNull(whole);
            if (parts.isEmpty() || new HashSet<>(parts).size() != parts.size() || parts.contains(whole)) {
                throw new IllegalArgumentException("a relation adds distinct parts to a different whole");
            }
        }

        Stream<Key> terms() {
            return Stream.concat(parts.stream(), Stream.of(whole));
        }
    }

    /** The cells to withhold: primary (1..4 contributors; 0 contributors with value 0 is published) and secondary. */
    public static SortedSet<Key> suppress(Map<Key, Cell> cells, List<Relation> relations) {
        relations.stream().flatMap(Relation::terms).filter(k -> !cells.containsKey(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("a relation names a cell the table lacks: " + k);
        });
        TreeSet<Key> withheld = new TreeSet<>();
        cells.forEach((k, c) -> {
            if (c.contributors() > 0 && c.contributors() < THRESHOLD) {
                withheld.add(k);
            }
        });
        Comparator<Key> smallest = Comparator.comparingLong((Key k) -> cells.get(k).value())
                .thenComparingLong(k -> cells.get(k).contributors()).thenComparing(Comparator.naturalOrder());
        while (true) {
            noLoneWithheldTerm(relations, withheld, smallest);
            Optional<Key> exposed = firstExposed(cells, relations, withheld);
            if (exposed.isEmpty()) {
                break;
            }
            Optional<Key> cover = cover(relations, withheld, exposed.get(), smallest);
            if (cover.isEmpty()) {
                break;
            }
            withheld.add(cover.get());
        }
        return Collections.unmodifiableSortedSet(withheld);
    }

    /** True when the published cells and the relations determine the value of k exactly (an attacker's view, by linear equations). */
    public static boolean derivable(Map<Key, Long> published, Set<Key> withheld, List<Relation> relations, Key k) {
        if (published.containsKey(k) && !withheld.contains(k)) {
            return true;
        }
        List<Key> unknowns = relations.stream().flatMap(Relation::terms)
                .filter(t -> withheld.contains(t) || !published.containsKey(t)).distinct().sorted().toList();
        int i = unknowns.indexOf(k);
        return i >= 0 && Echelon.of(unknowns, relations).determines(i);
    }

    private static void noLoneWithheldTerm(List<Relation> relations, Set<Key> withheld, Comparator<Key> smallest) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation r : relations) {
                if (r.terms().filter(withheld::contains).count() == 1) {
                    withheld.add(r.parts().stream().filter(p -> !withheld.contains(p)).min(smallest).orElse(r.whole()));
                    changed = true;
                }
            }
        }
    }

    /** One more cell to withhold for an exposed one: a published part (else whole) of its relations, else of any relation touching a withheld cell. */
    private static Optional<Key> cover(List<Relation> relations, Set<Key> withheld, Key exposed, Comparator<Key> smallest) {
        return smallestPublished(relations.stream().filter(r -> r.terms().anyMatch(exposed::equals)).toList(), withheld, smallest)
                .or(() -> smallestPublished(relations.stream().filter(r -> r.terms().anyMatch(withheld::contains)).toList(),
                        withheld, smallest));
    }

    private static Optional<Key> smallestPublished(List<Relation> near, Set<Key> withheld, Comparator<Key> smallest) {
        Set<Key> parts = near.stream().flatMap(r -> r.parts().stream()).collect(Collectors.toSet());
        return near.stream().flatMap(Relation::terms).filter(k -> !withheld.contains(k))
                .min(Comparator.comparing((Key k) -> !parts.contains(k)).thenComparing(smallest));
    }

    /**
     * The first withheld cell whose value the attacker's feasible set {x >= 0 : relations hold} pins down.
     * That set is convex and holds the true values, so x_i is pinned unless some direction d with M d = 0
     * changes x_i and keeps the withheld zeros non-negative (d_z >= 0 where x_z = 0).
     */
    private static Optional<Key> firstExposed(Map<Key, Cell> cells, List<Relation> relations, Set<Key> withheld) {
        List<Key> unknowns = relations.stream().flatMap(Relation::terms).filter(withheld::contains).distinct().sorted().toList();
        long[][] basis = Echelon.of(unknowns, relations).nullBasis();
        List<long[]> zeros = new ArrayList<>();
        for (int i = 0; i < unknowns.size(); i++) {
            if (cells.get(unknowns.get(i)).value() == 0) {
                zeros.add(basis[i]);
            }
        }
        for (int i = 0; i < unknowns.size(); i++) {
            long[] c = basis[i];
            boolean movable = cells.get(unknowns.get(i)).value() == 0
                    ? !Cone.contains(zeros, negate(c))
                    : Cone.isNonZero(c) && (!Cone.contains(zeros, c) || !Cone.contains(zeros, negate(c)));
            if (!movable) {
                return Optional.of(unknowns.get(i));
            }
        }
        return Optional.empty();
    }

    private static long[] negate(long[] v) {
        long[] n = new long[v.length];
        for (int j = 0; j < v.length; j++) {
            n[j] = Math.negateExact(v[j]);
        }
        return n;
    }

    /** Reduced row echelon form, in integers, of the relations restricted to the unknown cells (parts +1, whole -1). */
    private record Echelon(int columns, List<long[]> rows, int[] pivots) {
        static Echelon of(List<Key> unknowns, List<Relation> relations) {
            Map<Key, Integer> index = new HashMap<>();
            for (int i = 0; i < unknowns.size(); i++) {
                index.put(unknowns.get(i), i);
            }
            int n = unknowns.size();
            List<long[]> rows = new ArrayList<>();
            for (Relation r : relations) {
                long[] row = new long[n];
                boolean any = false;
                for (Key p : r.parts()) {
                    Integer i = index.get(p);
                    if (i != null) {
                        row[i] += 1;
                        any = true;
                    }
                }
                Integer w = index.get(r.whole());
                if (w != null) {
                    row[w] -= 1;
                    any = true;
                }
                if (any) {
                    rows.add(row);
                }
            }
            int rank = 0;
            int[] pivots = new int[Math.min(n, rows.size())];
            for (int col = 0; col < n && rank < rows.size(); col++) {
                int p = rank;
                while (p < rows.size() && rows.get(p)[col] == 0) {
                    p++;
                }
                if (p == rows.size()) {
                    continue;
                }
                Collections.swap(rows, rank, p);
                long[] pr = rows.get(rank);
                for (int s = 0; s < rows.size(); s++) {
                    long[] sr = rows.get(s);
                    long a = sr[col];
                    if (s == rank || a == 0) {
                        continue;
                    }
                    long b = pr[col];
                    for (int j = 0; j < n; j++) {
                        if (sr[j] != 0 || pr[j] != 0) {
                            sr[j] = Math.subtractExact(Math.multiplyExact(sr[j], b), Math.multiplyExact(pr[j], a));
                        }
                    }
                    reduce(sr);
                }
                pivots[rank++] = col;
            }
            return new Echelon(n, List.copyOf(rows.subList(0, rank)), Arrays.copyOf(pivots, rank));
        }

        private static void reduce(long[] row) {
            long g = 0;
            for (long v : row) {
                g = gcd(g, Math.abs(v));
            }
            if (g > 1) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= g;
                }
            }
        }

        boolean determines(int column) {
            for (int r = 0; r < pivots.length; r++) {
                if (pivots[r] == column) {
                    long[] row = rows.get(r);
                    for (int j = 0; j < columns; j++) {
                        if (j != column && row[j] != 0) {
                            return false;
                        }
                    }
                    return true;
                }
            }
            return false;
        }

        /** For each unknown, its coordinates in an integer basis of the null space: row i of N, where M N = 0. */
        long[][] nullBasis() {
            boolean[] pivot = new boolean[columns];
            for (int p : pivots) {
                pivot[p] = true;
            }
            List<Integer> free = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                if (!pivot[j]) {
                    free.add(j);
                }
            }
            long[][] basis = new long[columns][free.size()];
            for (int f = 0; f < free.size(); f++) {
                int col = free.get(f);
                long scale = 1;
                for (int r = 0; r < pivots.length; r++) {
                    long[] row = rows.get(r);
                    if (row[col] != 0) {
                        long pv = Math.abs(row[pivots[r]]);
                        scale = Math.multiplyExact(scale / gcd(scale, pv), pv);
                    }
                }
                basis[col][f] = scale;
                for (int r = 0; r < pivots.length; r++) {
                    long[] row = rows.get(r);
                    basis[pivots[r]][f] = Math.negateExact(Math.multiplyExact(row[col], scale / row[pivots[r]]));
                }
            }
            return basis;
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Whether a target is a non-negative combination of generators: phase one of the simplex method, fraction-free, Bland's rule. */
    private static final class Cone {
        static boolean isNonZero(long[] v) {
            for (long x : v) {
                if (x != 0) {
                    return true;
                }
            }
            return false;
        }

        static boolean contains(List<long[]> generators, long[] target) {
            if (!isNonZero(target)) {
                return true;
            }
            List<Integer> dims = new ArrayList<>();
            for (int d = 0; d < target.length; d++) {
                final int dd = d;
                boolean spanned = generators.stream().anyMatch(g -> g[dd] != 0);
                if (!spanned && target[d] != 0) {
                    return false;
                }
                if (spanned) {
                    dims.add(d);
                }
            }
            int m = dims.size();
            int n = generators.size();
            int rhs = n + m;
            BigInteger[][] t = new BigInteger[m + 1][rhs + 1];
            for (BigInteger[] row : t) {
                Arrays.fill(row, BigInteger.ZERO);
            }
            int[] basic = new int[m];
            for (int r = 0; r < m; r++) {
                int d = dims.get(r);
                long sign = target[d] < 0 ? -1 : 1;
                for (int j = 0; j < n; j++) {
                    t[r][j] = BigInteger.valueOf(sign * generators.get(j)[d]);
                }
                t[r][n + r] = BigInteger.ONE;
                t[r][rhs] = BigInteger.valueOf(sign * target[d]);
                basic[r] = n + r;
                for (int j = 0; j < n; j++) {
                    t[m][j] = t[m][j].subtract(t[r][j]);
                }
                t[m][rhs] = t[m][rhs].subtract(t[r][rhs]);
            }
            while (true) {
                int enter = -1;
                for (int j = 0; j < rhs && enter < 0; j++) {
                    if (t[m][j].signum() < 0) {
                        enter = j;
                    }
                }
                if (enter < 0) {
                    return t[m][rhs].signum() == 0;
                }
                int leave = -1;
                for (int r = 0; r < m; r++) {
                    if (t[r][enter].signum() > 0) {
                        if (leave < 0) {
                            leave = r;
                        } else {
                            int cmp = t[r][rhs].multiply(t[leave][enter]).compareTo(t[leave][rhs].multiply(t[r][enter]));
                            if (cmp < 0 || cmp == 0 && basic[r] < basic[leave]) {
                                leave = r;
                            }
                        }
                    }
                }
                BigInteger p = t[leave][enter];
                for (int r = 0; r <= m; r++) {
                    BigInteger a = t[r][enter];
                    if (r == leave || a.signum() == 0) {
                        continue;
                    }
                    BigInteger g = BigInteger.ZERO;
                    for (int j = 0; j <= rhs; j++) {
                        t[r][j] = t[r][j].multiply(p).subtract(t[leave][j].multiply(a));
                        g = g.gcd(t[r][j]);
                    }
                    if (g.compareTo(BigInteger.ONE) > 0) {
                        for (int j = 0; j <= rhs; j++) {
                            t[r][j] = t[r][j].divide(g);
                        }
                    }
                }
                basic[leave] = enter;
            }
        }
    }
}
