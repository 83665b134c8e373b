package org.nanum.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.categories.CategoryMapping;
import org.nanum.dataimport.formats.LendEngineItemsReader;
import org.nanum.dataimport.formats.LibraryJsonReader;
import org.nanum.dataimport.formats.TimebankListingsReader;

/** The readers on the real files of shared/data, with the numbers they really hold. */
class SharedDataTest {

    @Test
    void timeBankListingsScrapedDailyBecomeOneListingEach() throws IOException {
        ImportResult<ImportedListing> result = new TimebankListingsReader(ReadOptions.of("timebanks.org")
                .withMapping(TestFiles.shippedMapping("timebank-listings")))
                .read(TestFiles.sharedData().resolve("timebank-listings.csv"));

        assertEquals(30_756, result.rowsRead());
        assertEquals(List.of(), result.errors());
        assertEquals(5_464, result.records().size(), "timebank + listing_id identify 5,464 listings");
        assertEquals(25_292, result.merges().size());
        assertEquals(8, result.merges().stream().filter(m -> m.changed().stream().anyMatch(f -> !f.equals("sourceUpdatedAt")))
                .count(), "8 repeats changed more than the date (texts edited, categories changed)");

        Map<String, ImportedListing> byId = result.records().stream()
                .collect(Collectors.toMap(ImportedListing::externalId, Function.identity()));
        assertEquals("Solid shampoo bar", byId.get("uttsou/2715").description(), "the newest text wins");
        ImportedListing childcareRequest = byId.get("brattleboro/21625");
        assertEquals(ListingKind.CHILDCARE, childcareRequest.kind());
        assertEquals(Direction.REQUEST, childcareRequest.direction());
        assertEquals("childcare.babysitting", childcareRequest.nanumCategory());
        ImportedListing korean = byId.get("korea/7");
        assertEquals("밑반찬 조리", korean.title());
        assertEquals("service.home.chores", korean.nanumCategory(), "the most specific category maps first");

        assertEquals(56, result.records().stream().filter(l -> l.kind() == ListingKind.CHILDCARE).count());
        assertEquals(45, result.records().stream()
                .filter(l -> l.kind() == ListingKind.CHILDCARE && l.direction() == Direction.OFFER).count());
        assertEquals(2_455, result.unmapped().listings(), "listings left without a Nanum category");
        assertEquals(1_862, result.unmapped().counts().get(UnmappedCategories.NO_CATEGORY), "the scrape lost their categories");
        assertEquals(110, result.unmapped().categories());
        assertEquals(369, result.unmapped().counts().get("Community Activities"), "the most frequent unmapped category");
    }

    @Test
    void houstonsLibraryOfThingsRepeatsEachItemOncePerScrapedPage() throws IOException {
        ImportResult<ImportedListing> result = new LibraryJsonReader(ReadOptions.of("houston-public-library")
                .withMapping(TestFiles.shippedMapping("library-json")))
                .read(TestFiles.sharedData().resolve("library-of-things/houston_library_items.json"));

        assertEquals(324, result.rowsRead());
        assertEquals(List.of(), result.errors());
        assertEquals(12, result.records().size(), "12 distinct items, each scraped on 27 pages");
        assertEquals(312, result.merges().size());
        assertTrue(result.merges().stream().allMatch(m -> m.changed().isEmpty()), "repeats differ only in scrape bookkeeping");
        assertEquals(5, result.merges().getFirst().firstLine(), "the line where the first item's object opens");

        assertEquals(Map.of("Educational Kits", 4), result.unmapped().counts());
        Map<String, Long> byCategory = result.records().stream().filter(l -> l.nanumCategory() != null)
                .collect(Collectors.groupingBy(ImportedListing::nanumCategory, Collectors.counting()));
        assertEquals(Map.of("goods.crafts", 4L, "goods.tools", 2L, "goods.music", 1L, "goods.games", 1L), byCategory,
                "\"Crafts & Hobbies \" with its trailing blank maps like \"Crafts & Hobbies\"");
        ImportedListing scanner = result.records().stream().filter(l -> l.externalId().equals("2331895")).findFirst()
                .orElseThrow();
        assertEquals("Ancel AD530 OBD2 Scanner Diagnostic Tool", scanner.title());
        assertEquals("Houston Public Library", scanner.extra().get("libraryName"));
    }

    /** Lend Engine's item types are the shared item taxonomy: one item of each, exported as Lend Engine does. */
    @Test
    void everyLendEngineItemTypeIsInTheShippedMapping(@TempDir Path dir) throws IOException {
        List<String> types = Files.readAllLines(TestFiles.sharedData().resolve("item-taxonomy.tsv")).stream().skip(1)
                .map(line -> line.split("\t"))
                .filter(fields -> !fields[1].equals("208") && !fields[0].equals("208")) // _raw: materials, not item types
                .map(fields -> fields[2].replace("\"", "").strip())
                .toList();
        assertEquals(293, types.size());
        CategoryMapping mapping = TestFiles.shippedMapping("lendengine-items");
        assertTrue(types.stream().allMatch(mapping::isListed), "every item type has a line");

        StringBuilder export = new StringBuilder("Added on,Code,Name,Type,Condition,Value (RRP),Loan period\n");
        for (int i = 0; i < types.size(); i++) {
            export.append("2024-03-01,LE-").append(i).append(",An item,\"").append(types.get(i)).append("\",Good,10000,14\n");
        }
        Path file = Files.writeString(dir.resolve("items.csv"), export, StandardCharsets.UTF_8);
        ImportResult<ImportedListing> result = new LendEngineItemsReader(ReadOptions.of("lendengine")
                .withMapping(mapping).withCurrency("KRW")).read(file);

        assertEquals(List.of(), result.errors());
        assertEquals(293, result.records().size());
        assertEquals(43, result.unmapped().listings(), "clothing, furniture, appliances, health aids, luggage: no Nanum category");
        assertEquals(250, result.records().stream().filter(l -> l.nanumCategory() != null).count());
    }
}
