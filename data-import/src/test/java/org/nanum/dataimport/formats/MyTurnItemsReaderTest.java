package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.TestFiles;
import org.nanum.dataimport.UnmappedCategories;

class MyTurnItemsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAnItemExportWhateverTheColumnsSpelling() throws IOException {
        Path file = Files.writeString(dir.resolve("myturn.csv"), "item_id,name,description,item_type,categories,"
                + "replacement_cost,default_loan_length,late_fee,deposit,location,condition\n"
                + "1001,Circular saw,\"7 1/4\"\" blade, guard\",Power Tools,\"Woodworking, DIY\",$129.99,2 weeks,$1.00,"
                + "$20,Shelf B,Good\n"
                + "1002,Garden fork,,Gardening & Yard,,,,,,,\n"
                + "1003,Sewing machine,,Sewing,Crafts,,,,,,\n");

        ImportResult<ImportedListing> result = new MyTurnItemsReader(ReadOptions.of("myturn").withCurrency("USD")
                .withMapping(TestFiles.shippedMapping("myturn-items"))).read(file);

        assertEquals(List.of(), result.errors());
        ImportedListing saw = result.records().getFirst();
        assertEquals("1001", saw.externalId());
        assertEquals("7 1/4\" blade, guard", saw.description());
        assertEquals(List.of("Power Tools", "Woodworking", "DIY"), saw.sourceCategories());
        assertEquals("goods.tools.power", saw.nanumCategory());
        assertEquals(14, saw.loanPeriodDays());
        assertEquals(Map.of("replacementValue.USD", "129.99", "deposit.USD", "20", "lateFeePerDay.USD", "1.00",
                "location", "Shelf B"), saw.extra());
        assertEquals("goods.garden", result.records().get(1).nanumCategory());
        assertEquals("goods.crafts", result.records().get(2).nanumCategory(), "the type is unmapped, the category is not");
        assertEquals(UnmappedCategories.NONE.counts(), result.unmapped().counts());
    }
}
