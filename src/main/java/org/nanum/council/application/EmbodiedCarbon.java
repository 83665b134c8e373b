package org.nanum.council.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The embodied carbon that lending goods avoids, for the councils' usage reports (method
 * {@value #METHOD_VERSION}, explained for councils in docs/council/embodied-carbon.md).
 *
 * <p>Listings carry no weight and the Lend Engine item taxonomy gives emission factors for only
 * a few types, so Nanum keeps its own table, {@value #RESOURCE}: per goods category a typical
 * weight (kg) and an emission factor (kg CO2e per kg of item, a cradle-to-gate average), each
 * with its source. One loan of a covered category avoids
 * {@code typical_kg × factor × AVOIDED_PURCHASE_SHARE} kg CO2e; the report sums that over the
 * loans of covered categories and states the share of loans it could cover.
 *
 * <p>A category is looked up as it is, then by its parents (goods.electronics.audio-video, then
 * goods.electronics, then goods); the nearest one with a row that has both a weight and a factor
 * is used. Nothing is estimated for a category without one.
 *
 * <p>Pure Java: the table is read from the classpath once ({@link #standard()}).
 */
public final class EmbodiedCarbon {
    /** Named in every report figure so a later change of method or table is visible. */
    public static final String METHOD_VERSION = "carbon-1";

    /**
     * The share of loans that counts as a purchase avoided: 0.25. Library of Things (London)
     * found in its post-rental survey that "at least one in four" rentals directly prevent a
     * purchase ("How we calculate our impact", 2023); it raised the figure to 50% in its 2024
     * update. Nanum keeps the lower, conservative 25% as its own assumption, which a council may
     * revise; it is the only place the figure lives.
     */
    public static final double AVOIDED_PURCHASE_SHARE = 0.25;

    /** Where the table is on the classpath. */
    public static final String RESOURCE = "/council/embodied-carbon.tsv";

    static final String HEADER = "category_code\ttypical_kg\tfactor_kg_co2e_per_kg\tweight_source\tfactor_source";

    /** One row of the table; it covers its category when it has both a weight and a factor. */
    public record Row(String categoryCode, Double typicalKg, Double factorKgCo2ePerKg, String weightSource,
            String factorSource) {
        public boolean covered() {
            return typicalKg != null && factorKgCo2ePerKg != null;
        }

        /** kg CO2e to make one typical item of the category (no substitution applied). */
        public double kgCo2ePerItem() {
            if (!covered()) {
                throw new IllegalStateException(categoryCode + " is not covered");
            }
            return typicalKg * factorKgCo2ePerKg;
        }
    }

    /**
     * A report's figure: {@code avoidedKgCo2e} over the {@code coveredLoans} of covered categories
     * among {@code loans} in all.
     */
    public record Estimate(long loans, long coveredLoans, double avoidedKgCo2e, String methodVersion) {
        /** The share of loans the estimate covers, 0..1 (0 when there were no loans). */
        public double coverage() {
            return loans == 0 ? 0 : (double) coveredLoans / loans;
        }
    }

    private final Map<String, Row> rows;
    private final Set<String> covered;

    private EmbodiedCarbon(Map<String, Row> rows) {
        this.rows = Collections.unmodifiableMap(rows);
        Map<String, Boolean> c = new LinkedHashMap<>();
        rows.values().stream().filter(Row::covered).forEach(r -> c.put(r.categoryCode(), true));
        this.covered = Collections.unmodifiableSet(c.keySet());
    }

    private static final class Standard {
        static final EmbodiedCarbon INSTANCE = load();

        private static EmbodiedCarbon load() {
            try (InputStream in = EmbodiedCarbon.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The bundled table, read once. */
    public static EmbodiedCarbon standard() {
        return Standard.INSTANCE;
    }

    /**
     * Reads a table: '#' lines and blank lines are comments, then the header, then one row per
     * category code. A row may leave the weight or the factor empty (it then covers nothing), but
     * each value present needs its source.
     */
    public static EmbodiedCarbon read(InputStream in, String source) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IOException(source + ":" + n + ": expected the header '" + HEADER + "'");
                    }
                    header = true;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IOException(source + ":" + n + ": expected 5 tab-separated fields");
                }
                String code = f[0].strip();
                if (!code.matches("goods(\\.[a-z0-9-]+)*") || rows.containsKey(code)) {
                    throw new IOException(source + ":" + n + ": bad or repeated goods category code '" + code + "'");
                }
                Double kg = positive(f[1], source, n, "typical_kg");
                Double factor = positive(f[2], source, n, "factor_kg_co2e_per_kg");
                String weightSource = f[3].strip();
                String factorSource = f[4].strip();
                if (kg != null && weightSource.isEmpty() || factor != null && factorSource.isEmpty()) {
                    throw new IOException(source + ":" + n + ": a weight or factor without its source");
                }
                rows.put(code, new Row(code, kg, factor, weightSource, factorSource));
            }
        }
        return new EmbodiedCarbon(rows);
    }

    private static Double positive(String text, String source, int n, String column) throws IOException {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(source + ":" + n + ": " + column + " must be a positive number, not '" + t + "'");
    }

    /** The row that serves a category: its own if covered, else its nearest covered ancestor's. */
    public Optional<Row> rowFor(String categoryCode) {
        if (categoryCode == null) {
            return Optional.empty();
        }
        String code = categoryCode.strip();
        while (!code.isEmpty()) {
            Row row = rows.get(code);
            if (row != null && row.covered()) {
                return Optional.of(row);
            }
            int dot = code.lastIndexOf('.');
            code = dot < 0 ? "" : code.substring(0, dot);
        }
        return Optional.empty();
    }

    /**
     * kg CO2e avoided by one loan of a listing in this category (typical_kg × factor ×
     * {@link #AVOIDED_PURCHASE_SHARE}), or empty when the category is not covered.
     */
    public OptionalDouble kgPerLoan(String categoryCode) {
        return rowFor(categoryCode)
                .map(r -> OptionalDouble.of(r.kgCo2ePerItem() * AVOIDED_PURCHASE_SHARE))
                .orElse(OptionalDouble.empty());
    }

    /** Whether loans in this category count towards the estimate. */
    public boolean covers(String categoryCode) {
        return rowFor(categoryCode).isPresent();
    }

    /** The category codes with a row of their own that has both a weight and a factor. */
    public Set<String> coveredCodes() {
        return covered;
    }

    /** Every row of the table, covered or not, in file order. */
    public Map<String, Row> rows() {
        return rows;
    }

    /**
     * The figure for a report: avoided kg CO2e = Σ over loans of covered categories of
     * (typical_kg × factor × {@link #AVOIDED_PURCHASE_SHARE}), with how many loans it covers.
     *
     * @param loansByCategory number of loans per listing category code (any kind; non-goods
     *     categories simply are not covered)
     */
    public Estimate estimate(Map<String, Long> loansByCategory) {
        long loans = 0;
        long coveredLoans = 0;
        double kg = 0;
        for (Map.Entry<String, Long> e : loansByCategory.entrySet()) {
            long count = e.getValue() == null ? 0 : e.getValue();
            if (count < 0) {
                throw new IllegalArgumentException("negative loan count for " + e.getKey());
            }
            loans += count;
            OptionalDouble per = kgPerLoan(e.getKey());
            if (per.isPresent()) {
                coveredLoans += count;
                kg += per.getAsDouble() * count;
            }
        }
        return new Estimate(loans, coveredLoans, kg, METHOD_VERSION);
    }
}
