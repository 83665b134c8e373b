package org.nanum.catalogue.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.catalogue.domain.Language;
import org.nanum.testsupport.SharedData;

/**
 * Ranking on real data: the 5,464 listings of 105 time banks (newest text of each) and Houston's
 * library of things, in one index, queried as residents would. Relevance is judged by the
 * categories the time banks themselves gave each listing, independently of its text, and
 * precision at 10 must reach the stated floor. Korean and French use small judged fixtures.
 */
class RealDataRelevanceTest {
    private static final DateTimeFormatter LISTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    @TempDir
    static Path dir;
    static CatalogueIndex index;
    static final Map<String, String> categoriesById = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path csv = SharedData.file("timebank-listings.csv");
        Path houston = SharedData.file("library-of-things/houston_library_items.json");
        index = new CatalogueIndex();
        index.indexDir = dir.toString();
        index.synonymsFile = Optional.empty();
        index.open("relevance-test");

        Map<String, CSVRecord> newest = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String key = rec.get("timebank") + "/" + rec.get("listing_id");
                CSVRecord known = newest.get(key);
                if (known == null || rec.get("listed_at").compareTo(known.get("listed_at")) > 0) {
                    newest.put(key, rec);
                }
            }
        }
        for (var e : newest.entrySet()) {
            CSVRecord rec = e.getValue();
            String text = rec.get("description").strip();
            if (text.isEmpty()) {
                continue;
            }
            String title = text.length() <= 80 ? text : text.substring(0, 80);
            categoriesById.put(e.getKey(), rec.get("categories"));
            index.replace(new IndexedListing(e.getKey(), "SERVICE", rec.get("type").toUpperCase(), "RESIDENT", title, text,
                    Language.detect(text).code(), List.of("service"), null, null, null,
                    LocalDateTime.parse(rec.get("listed_at"), LISTED).toInstant(ZoneOffset.UTC), List.of(), null));
        }
        try (Reader r = Files.newBufferedReader(houston)) {
            JsonObject json = Json.createReader(r).readObject();
            for (JsonObject item : json.getJsonArray("items").getValuesAs(JsonObject.class)) {
                String id = "houston/" + item.getString("id");
                categoriesById.put(id, "Houston > " + item.getString("category", "").strip());
                index.replace(new IndexedListing(id, "GOODS", "OFFER", "CITY", item.getString("name"),
                        item.getString("name") + ". " + item.getString("category", ""), "en", List.of("goods"), null,
                        null, null, Instant.parse("2026-02-09T00:00:00Z"), List.of(), null));
            }
        }
        addFixtures();
        index.commit(0);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> top10(String q) throws IOException {
        return index.search(new SearchQuery(q, null, null, null, null, null, null, null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 10, true)).items().stream().map(SearchPage.Hit::id).toList();
    }

    /**
     * Precision over the first 10 judged results: a time-bank listing whose source lost its
     * categories cannot be judged and is passed over (it is neither a hit nor a miss).
     */
    static double precisionAt10(String q, Predicate<String> relevant) throws IOException {
        List<String> ranked = index.search(new SearchQuery(q, null, null, null, null, null, null, null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 100, true)).items().stream().map(SearchPage.Hit::id)
                .filter(id -> !categoriesById.getOrDefault(id, "").isBlank()).limit(10).toList();
        long hits = ranked.stream().filter(relevant).count();
        double p = hits / 10.0;
        System.out.printf("P@10 %-28s %.1f%n", q, p);
        return p;
    }

    static Predicate<String> inCategories(String... categories) {
        return id -> {
            String cats = categoriesById.getOrDefault(id, "").toLowerCase(java.util.Locale.ROOT);
            for (String c : categories) {
                if (cats.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        };
    }

    @Test
    void time_bank_queries_rank_relevant_listings_first() throws IOException {
        Map<String, Double> floors = new LinkedHashMap<>();
        Map<String, Double> measured = new LinkedHashMap<>();
        record Case(String q, double floor, Predicate<String> relevant) {
        }
        List<Case> cases = List.of(
                // Floors one step below what was measured on 2026-11-23 (docs/performance.md).
                new Case("babysitting", 0.8, inCategories("Child Care")),
                new Case("tutoring", 0.9, inCategories("Tutoring", "Education >")),
                // Few listings say "doctor": the city's synonyms (ride/drive, doctor/appointment) find 5.
                new Case("ride to the doctor", 0.3, inCategories("Transportation >", "Medical")),
                new Case("gardening", 0.8, inCategories("Garden & Yard Work", "Garden")),
                new Case("computer help", 0.6, inCategories("Computer Support", "Computers / Technology")),
                new Case("pet sitting", 0.9, inCategories("Pet Care")));
        List<String> below = new ArrayList<>();
        for (Case c : cases) {
            double p = precisionAt10(c.q(), c.relevant());
            floors.put(c.q(), c.floor());
            measured.put(c.q(), p);
            if (p < c.floor()) {
                below.add(c.q() + " P@10=" + p + " < " + c.floor() + " top: " + top10(c.q()));
            }
        }
        assertTrue(below.isEmpty(), String.join("\n", below));
    }

    @Test
    void library_of_things_items_come_first_for_their_names() throws IOException {
        assertTrue(top10("chess set").stream().limit(3).anyMatch(id -> id.startsWith("houston/")
                && categoriesById.get(id).contains("Games")), top10("chess set").toString());
        assertTrue(top10("bicycle repair kit").get(0).startsWith("houston/"), top10("bicycle repair kit").toString());
        assertTrue(top10("handbells").stream().anyMatch(id -> categoriesById.get(id).contains("Musical")));
    }

    // Small judged fixtures in Korean and French: ids say what each listing is about.
    private static final Map<String, String[]> FIXTURES = Map.ofEntries(
            Map.entry("fx/ko-care-1", new String[] {"ko", "아이 돌봄 해드려요", "주말 오후에 초등학생 아이 돌봄 가능합니다."}),
            Map.entry("fx/ko-care-2", new String[] {"ko", "아이를 돌봐 주실 분", "금요일 저녁에 다섯 살 아이를 돌봐 주실 분을 찾아요."}),
            Map.entry("fx/ko-care-3", new String[] {"ko", "등하원 도우미", "어린이집 등하원과 아이 돌봄을 도와드려요."}),
            Map.entry("fx/ko-tutor-1", new String[] {"ko", "중학생 수학 과외", "중학생 수학 과외 해드립니다. 교과서 위주."}),
            Map.entry("fx/ko-tutor-2", new String[] {"ko", "영어 과외 선생님", "초등 영어 과외와 숙제 도움."}),
            Map.entry("fx/ko-ride-1", new String[] {"ko", "병원 동행", "어르신 병원 진료 동행과 차량 지원을 해드려요."}),
            Map.entry("fx/ko-ride-2", new String[] {"ko", "병원까지 태워 주세요", "다리가 불편해서 병원까지 차로 데려다 주실 분."}),
            Map.entry("fx/ko-garden-1", new String[] {"ko", "텃밭 가꾸기", "옥상 텃밭 가꾸기와 정원 손질을 함께해요."}),
            Map.entry("fx/ko-pc-1", new String[] {"ko", "컴퓨터 도와드려요", "컴퓨터 설치와 스마트폰 사용법을 알려드려요."}),
            Map.entry("fx/ko-cook-1", new String[] {"ko", "밑반찬 나눔", "밑반찬 조리법을 알려드려요."}),
            Map.entry("fx/fr-care-1", new String[] {"fr", "Garde d'enfants le samedi", "Je garde vos enfants le samedi après-midi."}),
            Map.entry("fx/fr-care-2", new String[] {"fr", "Cherche baby-sitter", "Nous cherchons quelqu'un pour garder nos enfants mardi soir."}),
            Map.entry("fx/fr-tutor-1", new String[] {"fr", "Cours de mathématiques", "Je donne des cours de mathématiques aux collégiens."}),
            Map.entry("fx/fr-tutor-2", new String[] {"fr", "Soutien scolaire en français", "Aide aux devoirs et soutien scolaire."}),
            Map.entry("fx/fr-garden-1", new String[] {"fr", "Jardinage", "Je vous aide à jardiner : tailler les haies, planter des légumes."}),
            Map.entry("fx/fr-garden-2", new String[] {"fr", "Entretien de jardin", "Tonte de pelouse et entretien du jardin."}),
            Map.entry("fx/fr-ride-1", new String[] {"fr", "Accompagnement chez le médecin", "Je vous conduis chez le médecin ou à l'hôpital."}),
            Map.entry("fx/fr-pc-1", new String[] {"fr", "Aide informatique", "Installation d'ordinateur et aide pour internet."}));

    private static void addFixtures() throws IOException {
        for (var e : FIXTURES.entrySet()) {
            String[] f = e.getValue();
            categoriesById.put(e.getKey(), "fixture");
            index.replace(new IndexedListing(e.getKey(), "SERVICE", "OFFER", "RESIDENT", f[1], f[2], f[0],
                    List.of("service"), null, null, null, Instant.parse("2026-11-01T00:00:00Z"), List.of(), null));
        }
    }

    private static double precisionAtK(String q, String relevantPrefix, int relevantCount) throws IOException {
        List<String> top = top10(q).subList(0, Math.min(relevantCount, top10(q).size()));
        long hits = top.stream().filter(id -> id.startsWith(relevantPrefix)).count();
        double p = (double) hits / relevantCount;
        System.out.printf("P@%d %-28s %.2f%n", relevantCount, q, p);
        return p;
    }

    @Test
    void korean_queries_rank_the_judged_listings_first() throws IOException {
        assertTrue(precisionAtK("아이 돌봄", "fx/ko-care", 3) >= 2 / 3.0);
        assertTrue(precisionAtK("과외", "fx/ko-tutor", 2) >= 1.0);
        assertTrue(precisionAtK("병원", "fx/ko-ride", 2) >= 1.0);
        assertTrue(precisionAtK("텃밭", "fx/ko-garden", 1) >= 1.0);
    }

    @Test
    void french_queries_rank_the_judged_listings_first() throws IOException {
        assertTrue(precisionAtK("garde d'enfants", "fx/fr-care", 2) >= 0.5);
        assertTrue(precisionAtK("jardinage", "fx/fr-garden", 2) >= 0.5);
        assertTrue(precisionAtK("cours de mathématiques", "fx/fr-tutor", 1) >= 1.0);
        assertTrue(precisionAtK("médecin", "fx/fr-ride", 1) >= 1.0);
    }

}
