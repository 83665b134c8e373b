package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.Condition;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.Merge;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.TestFiles;

class LendEngineItemsReaderTest {
    /** The columns of Lend Engine's item export, in its order. */
    private static final String EXPORT_HEADER = "Added on,Code,Name,Type,Serial number,Condition,Tags,Location,Brand,"
            + "Price paid,Value (RRP),Shown on website,Loan fee,Loan period,Short description,Long description,"
            + "Components,Care information,Keywords,Owned by,Donated by\n";

    @TempDir
    Path dir;

    @Test
    void readsLendEnginesItemExport() throws IOException {
        ImportResult<ImportedListing> result = read("KRW", EXPORT_HEADER
                + "2024-03-01,DR-01,Cordless drill,Drill - Cordless,SN123,B - Good,\"DIY,Popular\",Main shelf,Makita,"
                + "89000,120000,Yes,0,7,18 V with two batteries,Charge before use.<br>Bits in the case.,"
                + "Drill; 2 batteries; charger,Keep dry,drill driver,,Kim\n");

        assertEquals(List.of(), result.errors());
        ImportedListing drill = result.records().getFirst();
        assertEquals("DR-01", drill.externalId());
        assertEquals(ListingKind.GOODS, drill.kind());
        assertEquals("Cordless drill", drill.title());
        assertEquals("18 V with two batteries\n\nCharge before use.\nBits in the case.", drill.description());
        assertEquals(List.of("Drill - Cordless", "DIY", "Popular"), drill.sourceCategories());
        assertEquals("goods.tools.power", drill.nanumCategory());
        assertEquals(Condition.GOOD, drill.condition());
        assertEquals(120_000, drill.replacementValueKrw());
        assertEquals(7, drill.loanPeriodDays());
        assertNull(drill.ownerExternalId(), "the library owns it");
        assertEquals(Instant.parse("2024-03-01T00:00:00Z").toString(), drill.extra().get("addedOn"));
        assertEquals("89000", drill.extra().get("pricePaid.KRW"));
        assertEquals("Makita", drill.extra().get("brand"));
        assertEquals("Drill; 2 batteries; charger", drill.extra().get("components"));
    }

    @Test
    void readsTheTabSeparatedImportLayoutAndKeepsForeignAmountsUnconverted() throws IOException {
        ImportResult<ImportedListing> result = read("GBP", "Code\tName\tCategory\tValue\tLoan fee\tReservable\n"
                + "HT-7\tClaw hammer\tHand Tools\t£12.50\t1.00\tYes\n");

        assertEquals(List.of(), result.errors());
        ImportedListing hammer = result.records().getFirst();
        assertNull(hammer.replacementValueKrw());
        assertEquals(Map.of("replacementValue.GBP", "12.50", "loanFee.GBP", "1.00", "reservable", "Yes"), hammer.extra());
        assertEquals("goods.tools.hand", hammer.nanumCategory());
    }

    @Test
    void aRepeatedCodeIsMergedAndTheLaterRowWins() throws IOException {
        ImportResult<ImportedListing> result = read("KRW", "Code,Name,Condition,Value\n"
                + "DR-01,Drill,Good,100000\n"
                + "SW-02,Saw,Fair,\n"
                + "DR-01,Drill,Fair,\n");

        assertEquals(2, result.records().size());
        ImportedListing drill = result.records().getFirst();
        assertEquals(Condition.FAIR, drill.condition(), "the later row overrides");
        assertEquals(100_000, drill.replacementValueKrw(), "and what it leaves empty is filled from the earlier one");
        assertEquals(4, drill.line());
        assertEquals(List.of(new Merge("DR-01", 2, 4, List.of("condition", "replacementValueKrw"))), result.merges());
    }

    @Test
    void wrongValuesAreRowErrorsNamingTheirColumn() throws IOException {
        ImportResult<ImportedListing> result = read("KRW", "Code,Name,Condition,Value,Loan period\n"
                + "A,Drill,Shiny,,\n"
                + "B,Saw,,12.5,\n"
                + "C,Tent,,,120\n"
                + ",Ladder,,,\n");

        assertEquals(List.of(
                new RowError(2, "Condition", "\"Shiny\" is not a condition this import knows; use New, Good, Fair or Worn"),
                new RowError(3, "Value", "\"12.5\" has a fraction of a won; is the file's currency really KRW?"),
                new RowError(4, "Loan period", "120 days is longer than Nanum lends (at most 90 days)"),
                new RowError(5, "Code", "is empty")), result.errors());
    }

    @Test
    void aFileWithPricesNeedsItsCurrency() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LendEngineItemsReader(
                ReadOptions.of("lendengine").withMapping(TestFiles.shippedMapping("lendengine-items"))));
        assertTrue(e.getMessage().contains("--currency"), e.getMessage());
    }

    private ImportResult<ImportedListing> read(String currency, String text) throws IOException {
        return new LendEngineItemsReader(ReadOptions.of("lendengine").withCurrency(currency)
                .withMapping(TestFiles.shippedMapping("lendengine-items")))
                .read(Files.writeString(dir.resolve("items.csv"), text));
    }
}
