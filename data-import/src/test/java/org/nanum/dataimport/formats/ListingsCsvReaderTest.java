package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.Condition;
import org.nanum.dataimport.Direction;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.TestFiles;

class ListingsCsvReaderTest {
    private static final String HEADER = "external_id,kind,direction,title,description,category,condition,"
            + "replacement_value_krw,loan_period_days,deposit_krw,owner_external_id,updated_at,shelf\n";

    @TempDir
    Path dir;

    @Test
    void readsListingsInNanumsOwnTerms() throws IOException {
        ImportResult<ImportedListing> result = read(HEADER
                + "g-1,GOODS,OFFER,전동 드릴,\"충전식, 배터리 2개\",goods.tools.power,GOOD,120000,7,10000,r-9,2024-05-01 09:00:00,B3\n"
                + "s-1,service,request,Help with my garden,Weeding on Saturdays,service.home.gardening,,,,,r-7,,\n");

        assertEquals(List.of(), result.errors());
        ImportedListing drill = result.records().getFirst();
        assertEquals(ListingKind.GOODS, drill.kind());
        assertEquals("goods.tools.power", drill.nanumCategory());
        assertEquals(Condition.GOOD, drill.condition());
        assertEquals(10_000, drill.depositKrw());
        assertEquals("r-9", drill.ownerExternalId());
        assertEquals(Map.of("shelf", "B3"), drill.extra(), "columns the format does not know are kept");
        ImportedListing garden = result.records().get(1);
        assertEquals(Direction.REQUEST, garden.direction());
    }

    @Test
    void theCataloguesRulesAreCheckedRowByRow() throws IOException {
        ImportResult<ImportedListing> result = read(HEADER
                + "1,GOODS,REQUEST,Drill,A drill,goods.tools,,,,,,,\n"
                + "2,GOODS,OFFER,Drill,A drill,service.home,,,,,,,\n"
                + "3,TOOL,OFFER,Drill,A drill,goods.tools,,,,,,,\n"
                + "4,GOODS,OFFER," + "x".repeat(121) + ",A drill,goods.tools,,,,,,,\n"
                + "5,GOODS,OFFER,Drill,A drill,goods.tools,MINT,,,,,,\n"
                + "6,GOODS,OFFER,Drill,A drill,power tools,,,,,,,\n");

        assertEquals(List.of(
                new RowError(2, "direction", "GOODS listings can only be offered"),
                new RowError(3, "category", "\"service.home\" is a SERVICE category; this listing is GOODS"),
                new RowError(4, "kind", "\"TOOL\" is not one of [GOODS, SPACE, SERVICE, CHILDCARE]"),
                new RowError(5, "title", "is 121 characters long; at most 120"),
                new RowError(6, "condition", "\"MINT\" is not one of [NEW, GOOD, FAIR, WORN]")), result.errors());
        assertEquals(Map.of("power tools", 1), result.unmapped().counts(), "neither a code nor in the mapping: reported");
    }

    private ImportResult<ImportedListing> read(String text) throws IOException {
        return new ListingsCsvReader(ReadOptions.of("city-hall").withMapping(TestFiles.shippedMapping("listings-csv")))
                .read(Files.writeString(dir.resolve("listings.csv"), text));
    }
}
