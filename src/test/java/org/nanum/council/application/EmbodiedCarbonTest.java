package org.nanum.council.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.infrastructure.CategoryFile;
import org.nanum.testsupport.SharedData;

class EmbodiedCarbonTest {
    private static final double EPS = 1e-9;
    private final EmbodiedCarbon carbon = EmbodiedCarbon.standard();

    private static Map<String, Category> categories() throws IOException {
        try (InputStream in = CategoryFile.class.getResourceAsStream("/catalogue/categories.tsv")) {
            return CategoryFile.read(in, "categories.tsv").stream()
                    .collect(Collectors.toMap(Category::code, Function.identity()));
        }
    }

    private static EmbodiedCarbon read(String text) throws IOException {
        return EmbodiedCarbon.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.tsv");
    }

    @Test
    void every_row_is_a_goods_category_of_the_catalogue() throws IOException {
        Map<String, Category> categories = categories();
        assertFalse(carbon.rows().isEmpty());
        for (String code : carbon.rows().keySet()) {
            Category c = categories.get(code);
            assertTrue(c != null, code + " is not in categories.tsv");
            assertEquals(ListingKind.GOODS, c.kind(), code);
        }
    }

    @Test
    void every_row_is_covered_with_both_sources() {
        for (EmbodiedCarbon.Row row : carbon.rows().values()) {
            assertTrue(row.covered(), row.categoryCode());
            assertTrue(row.typicalKg() > 0 && row.factorKgCo2ePerKg() > 0, row.categoryCode());
            assertFalse(row.weightSource().isBlank(), row.categoryCode() + " weight source");
            assertFalse(row.factorSource().isBlank(), row.categoryCode() + " factor source");
            assertTrue(row.factorSource().startsWith("["), row.categoryCode() + ": a factor needs a cited source key");
        }
        assertEquals(carbon.rows().keySet(), carbon.coveredCodes());
        assertThrows(UnsupportedOperationException.class, () -> carbon.coveredCodes().add("goods.x"));
    }

    @Test
    void a_loan_is_weight_times_factor_times_the_avoided_purchase_share() {
        assertEquals(0.25, EmbodiedCarbon.AVOIDED_PURCHASE_SHARE, EPS);
        assertEquals("carbon-1", EmbodiedCarbon.METHOD_VERSION);
        EmbodiedCarbon.Row power = carbon.rows().get("goods.tools.power");
        assertEquals(power.typicalKg() * power.factorKgCo2ePerKg() * 0.25,
                carbon.kgPerLoan("goods.tools.power").orElseThrow(), EPS);
    }

    @Test
    void a_category_without_its_own_row_uses_its_nearest_covered_ancestor() {
        assertFalse(carbon.rows().containsKey("goods.electronics.audio-video"));
        assertEquals(carbon.kgPerLoan("goods.electronics").orElseThrow(),
                carbon.kgPerLoan("goods.electronics.audio-video").orElseThrow(), EPS);
        assertEquals("goods.electronics", carbon.rowFor("goods.electronics.audio-video").orElseThrow().categoryCode());
        // a deeper, unknown code still finds its ancestor; a child's own row wins over its parent's
        assertEquals("goods.garden", carbon.rowFor("goods.garden.hedge-trimmers").orElseThrow().categoryCode());
        assertEquals("goods.electronics.computers",
                carbon.rowFor("goods.electronics.computers").orElseThrow().categoryCode());
    }

    @Test
    void an_uncovered_category_gives_nothing() {
        for (String code : List.of("goods", "goods.tools", "goods.tools.hand", "goods.tools.ladders", "goods.camping",
                "goods.mobility", "goods.children", "space.workshop", "service.home.repairs", "childcare", "", "nonsense")) {
            assertTrue(carbon.kgPerLoan(code).isEmpty(), code);
            assertFalse(carbon.covers(code), code);
        }
        assertTrue(carbon.kgPerLoan(null).isEmpty());
    }

    @Test
    void the_estimate_sums_covered_loans_and_states_its_coverage() {
        Map<String, Long> loans = new LinkedHashMap<>();
        loans.put("goods.tools.power", 10L);
        loans.put("goods.electronics.audio-video", 2L);
        loans.put("goods.camping", 5L);
        loans.put("space.hall", 3L);
        EmbodiedCarbon.Estimate e = carbon.estimate(loans);
        assertEquals(20, e.loans());
        assertEquals(12, e.coveredLoans());
        assertEquals(0.6, e.coverage(), EPS);
        double expected = 10 * carbon.kgPerLoan("goods.tools.power").orElseThrow()
                + 2 * carbon.kgPerLoan("goods.electronics").orElseThrow();
        assertEquals(expected, e.avoidedKgCo2e(), EPS);
        assertEquals(EmbodiedCarbon.METHOD_VERSION, e.methodVersion());
        assertEquals(0, carbon.estimate(Map.of()).coverage(), EPS);
        assertThrows(IllegalArgumentException.class, () -> carbon.estimate(Map.of("goods.garden", -1L)));
    }

    @Test
    void factors_taken_from_the_lend_engine_taxonomy_match_it() throws IOException {
        Path taxonomy = SharedData.file("item-taxonomy.tsv");
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, Double> factors = new HashMap<>();
        for (String line : Files.readAllLines(taxonomy, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !f[0].matches("\\d+")) {
                continue;
            }
            int id = Integer.parseInt(f[0]);
            names.put(id, f[2].replace("\"", ""));
            String factor = f[3].replace("\"", "").strip();
            if (!factor.isEmpty() && !factor.equals("NULL")) {
                factors.put(id, Double.parseDouble(factor));
            }
        }
        // the two the table uses, by name as well as by id
        assertEquals("Garden", names.get(2));
        assertEquals(factors.get(2), carbon.rows().get("goods.garden").factorKgCo2ePerKg(), EPS);
        assertEquals(1.30, factors.get(2), EPS);
        assertEquals("Racquets - Generic", names.get(257));
        assertEquals(factors.get(257), carbon.rows().get("goods.sports").factorKgCo2ePerKg(), EPS);
        assertEquals(1.50, factors.get(257), EPS);
        // and any row citing an item_type carries exactly the taxonomy's value
        Pattern cite = Pattern.compile("\\[LE\\] item_type (\\d+)");
        int cited = 0;
        for (EmbodiedCarbon.Row row : carbon.rows().values()) {
            Matcher m = cite.matcher(row.factorSource());
            if (m.find()) {
                cited++;
                Double expected = factors.get(Integer.parseInt(m.group(1)));
                assertTrue(expected != null, row.categoryCode() + " cites an item_type without a factor");
                assertEquals(expected, row.factorKgCo2ePerKg(), EPS, row.categoryCode());
            }
        }
        assertEquals(2, cited);
        // Electric & Electronic (1.00) is known but not used: the electronics rows cite DESNZ instead
        assertEquals(1.00, factors.get(9), EPS);
        assertTrue(carbon.rows().get("goods.electronics").factorSource().startsWith("[DESNZ-2025]"));
    }

    @Test
    void a_broken_table_is_refused_with_its_line() throws IOException {
        String h = EmbodiedCarbon.HEADER + "\n";
        IOException e = assertThrows(IOException.class, () -> read(h + "goods.garden\t3\t1.3\tw\t\n"));
        assertTrue(e.getMessage().startsWith("t.tsv:2:"), e.getMessage());
        assertThrows(IOException.class, () -> read(h + "goods.garden\t-3\t1.3\tw\tf\n"));
        assertThrows(IOException.class, () -> read(h + "goods.garden\tx\t1.3\tw\tf\n"));
        assertThrows(IOException.class, () -> read(h + "space.hall\t3\t1.3\tw\tf\n"));
        assertThrows(IOException.class, () -> read(h + "goods.garden\t3\t1.3\tw\tf\ngoods.garden\t3\t1.3\tw\tf\n"));
        assertThrows(IOException.class, () -> read(h + "goods.garden\t3\t1.3\tw\n"));
        assertThrows(IOException.class, () -> read("code\tkg\n"));
        // a row without a factor is allowed but covers nothing; its parent then serves it
        EmbodiedCarbon t = read("# c\n" + h + "goods.tools\t2\t2\tw\tf\ngoods.tools.hand\t1\t\tw\t\n");
        assertEquals(Set.of("goods.tools"), t.coveredCodes());
        assertEquals("goods.tools", t.rowFor("goods.tools.hand").orElseThrow().categoryCode());
        assertEquals(2 * 2 * EmbodiedCarbon.AVOIDED_PURCHASE_SHARE, t.kgPerLoan("goods.tools.hand").orElseThrow(), EPS);
    }
}
