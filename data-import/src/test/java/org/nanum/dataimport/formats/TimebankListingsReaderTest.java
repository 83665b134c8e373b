package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.Direction;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.Merge;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.TestFiles;

class TimebankListingsReaderTest {
    private static final String HEADER = "listing_id,timebank,type,description,categories,listed_at\n";

    @TempDir
    Path dir;

    @Test
    void theRowListedLastWinsEvenWhenTheFileListsItFirst() throws IOException {
        ImportResult<ImportedListing> result = read(HEADER
                + "5,york,offer,Dog walking (new text),Help At Home; Help At Home > Pet Care,2019-01-28 10:00:00\n"
                + "5,york,offer,Dog walking,Help At Home; Help At Home > Pet Care,2019-01-22 10:00:00\n"
                + "5,york,offer,Dog walking,,2019-01-23 10:00:00\n");

        ImportedListing listing = result.records().getFirst();
        assertEquals("Dog walking (new text)", listing.description());
        assertEquals(2, listing.line(), "the line whose values it carries");
        assertEquals("service.home.pets", listing.nanumCategory(), "Pet Care is tried before Help At Home");
        assertEquals(List.of(new Merge("york/5", 2, 3, List.of("title", "description", "sourceUpdatedAt")),
                new Merge("york/5", 2, 4, List.of("title", "description", "sourceCategories", "nanumCategory",
                        "sourceUpdatedAt"))), result.merges(), "what each repeat differs in from the listing so far");
        assertEquals(List.of("Help At Home", "Help At Home > Pet Care"), listing.sourceCategories(),
                "a row that lost its categories does not erase them");
    }

    @Test
    void childcareByItsCategoriesAndEverythingElseAService() throws IOException {
        ImportResult<ImportedListing> result = read(HEADER
                + "1,york,offer,Babysitting evenings,For Youth/Children; For Youth/Children > Child care,2019-01-22 10:00:00\n"
                + "2,york,request,Lift to the station,Transportation > Local Rides,2019-01-22 10:00:00\n"
                + "3,york,offer,Help the time bank,Help Our Time Bank,2019-01-22 10:00:00\n");

        List<ImportedListing> listings = result.records();
        assertEquals(List.of(ListingKind.CHILDCARE, ListingKind.SERVICE, ListingKind.SERVICE),
                listings.stream().map(ImportedListing::kind).toList());
        assertEquals(List.of(Direction.OFFER, Direction.REQUEST, Direction.OFFER),
                listings.stream().map(ImportedListing::direction).toList());
        assertEquals("childcare.babysitting", listings.get(0).nanumCategory());
        assertEquals("service.transport", listings.get(1).nanumCategory());
        assertEquals(null, listings.get(2).nanumCategory());
        assertEquals(1, result.unmapped().counts().get("Help Our Time Bank"));
    }

    private ImportResult<ImportedListing> read(String text) throws IOException {
        return new TimebankListingsReader(ReadOptions.of("timebanks.org")
                .withMapping(TestFiles.shippedMapping("timebank-listings")))
                .read(Files.writeString(dir.resolve("listings.csv"), text));
    }
}
