package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.TestFiles;

/** Deliberately broken files, written to a temporary directory, and the report each one gets. */
class BrokenFilesTest {
    private static final String HEADER = "listing_id,timebank,type,description,categories,listed_at\n";
    private static final String GOOD_ROW = "1,seoul,offer,Tutoring,Education > Tutoring / Mentoring,2019-01-22 00:01:20\n";

    @TempDir
    Path dir;

    @Test
    void missingColumnsAreNamedAndNothingIsRead() throws IOException {
        ImportResult<ImportedListing> result = timebank("listing_id,timebank,description,categories\n"
                + "1,seoul,Tutoring,Education\n");

        assertEquals(List.of(new RowError(1, "type, listed_at",
                "missing columns; the header has: listing_id, timebank, description, categories")), result.errors());
        assertEquals(0, result.records().size());
    }

    @Test
    void badBytesAreAnErrorOnTheirLineAndTheOtherRowsAreRead() throws IOException {
        Path file = dir.resolve("euc-kr.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + GOOD_ROW + "2,korea,request,").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xB9, (byte) 0xD8, (byte) 0xB9, (byte) 0xDD, (byte) 0xC2, (byte) 0xF9});
            out.write((",,2019-01-22 00:01:20\n" + GOOD_ROW.replace("1,", "3,")).getBytes(StandardCharsets.UTF_8));
        }

        ImportResult<ImportedListing> result = reader().read(file);

        assertEquals(1, result.errors().size());
        RowError error = result.errors().getFirst();
        assertEquals(3, error.line());
        assertEquals("description", error.column());
        assertTrue(error.reason().startsWith("bytes that are not UTF-8 (0xB9"), error.reason());
        assertEquals(List.of("seoul/1", "seoul/3"), result.records().stream().map(ImportedListing::externalId).toList());
    }

    @Test
    void aSemicolonDelimiterIsSaidClearly() throws IOException {
        ImportResult<ImportedListing> result = timebank((HEADER + GOOD_ROW).replace(',', ';'));

        assertEquals(1, result.errors().size());
        assertEquals("the values are separated by semicolons (';'), not by commas (','): export the file again as CSV "
                + "with commas (in a spreadsheet: Save as, CSV UTF-8, comma delimited)", result.errors().getFirst().reason());
    }

    @Test
    void datesInOddFormatsAreErrorsNamingTheColumn() throws IOException {
        ImportResult<ImportedListing> result = timebank(HEADER
                + "1,seoul,offer,Tutoring,,22-01-2019\n"
                + "2,seoul,offer,Gardening,,03/04/2019\n"
                + "3,seoul,offer,Cooking,,2019-02-30 10:00:00\n"
                + "4,seoul,offer,Sewing,,22/01/2019\n");

        assertEquals(List.of(2, 3, 4), result.errors().stream().map(RowError::line).toList());
        assertTrue(result.errors().stream().allMatch(error -> error.column().equals("listed_at")));
        assertEquals(List.of("seoul/4"), result.records().stream().map(ImportedListing::externalId).toList(),
                "22/01/2019 can only be 22 January");
    }

    @Test
    void aTenMegabyteLineIsOneErrorAndTheGoodRowAfterItIsRead() throws IOException {
        Path file = dir.resolve("big.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "1,seoul,offer,").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write((",,2019-01-22 00:01:20\n" + GOOD_ROW.replace("1,", "2,")).getBytes(StandardCharsets.UTF_8));
        }

        ImportResult<ImportedListing> result = reader().read(file);

        assertEquals(2, result.rowsRead());
        assertEquals(1, result.errors().size());
        assertEquals(2, result.errors().getFirst().line());
        assertTrue(result.errors().getFirst().reason().contains("more than the limit of 1,048,576 bytes"));
        assertEquals(List.of("seoul/2"), result.records().stream().map(ImportedListing::externalId).toList());
    }

    @Test
    void aRowErrorSaysTheColumnAndTheRestOfTheFileIsRead() throws IOException {
        ImportResult<ImportedListing> result = timebank(HEADER
                + "1,seoul,gift,Tutoring,,2019-01-22 00:01:20\n"
                + "2,seoul,offer,,,2019-01-22 00:01:20\n"
                + ",seoul,offer,Tutoring,,2019-01-22 00:01:20\n"
                + GOOD_ROW.replace("1,", "4,"));

        assertEquals(List.of(
                new RowError(2, "type", "\"gift\" is neither offer nor request"),
                new RowError(3, "description", "is empty"),
                new RowError(4, "listing_id", "is empty")), result.errors());
        assertEquals(1, result.records().size());
    }

    @Test
    void brokenJsonKeepsTheItemsBeforeTheBreakAndSaysWhere() throws IOException {
        Path file = Files.writeString(dir.resolve("items.json"), """
                {"items": [
                  {"id": "1", "name": "Drill", "category": "Tools & Equipment"},
                  {"id": "2", "name": "Saw" "category": "Tools & Equipment"},
                  {"id": "3", "name": "Tent"}
                ]}
                """);

        ImportResult<ImportedListing> result = json(file);

        assertEquals(List.of("1"), result.records().stream().map(ImportedListing::externalId).toList());
        assertEquals(3, result.errors().getFirst().line());
        assertTrue(result.errors().getFirst().reason().startsWith("the JSON breaks here"), result.errors().getFirst().reason());
    }

    @Test
    void jsonThatIsNotUtf8IsReportedAtItsLine() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "[\n{\"id\": \"1\", \"name\": \"Drill\"},\n{\"id\": \"2\", \"name\": \"Scie \u00e0 m\u00e9taux\"}\n]"
                .getBytes(StandardCharsets.ISO_8859_1));

        ImportResult<ImportedListing> result = json(file);

        assertEquals(List.of("1"), result.records().stream().map(ImportedListing::externalId).toList());
        assertEquals(new RowError(3, null, "bytes that are not UTF-8 (0xE0): save the file as UTF-8; nothing after this "
                + "line was read"), result.errors().getFirst());
    }

    @Test
    void aJsonItemWithoutAnIdIsARowErrorAtItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("items.json"), """
                [
                  {"name": "Drill"},
                  {"id": 7, "name": "Saw", "category": ["Tools & Equipment"]}
                ]
                """);

        ImportResult<ImportedListing> result = json(file);

        assertEquals(List.of(new RowError(2, "id", "is empty")), result.errors());
        assertEquals("goods.tools", result.records().getFirst().nanumCategory(), "a number id, a list of categories");
        assertEquals("7", result.records().getFirst().externalId());
    }

    private ImportResult<ImportedListing> timebank(String text) throws IOException {
        return reader().read(Files.writeString(dir.resolve("listings.csv"), text));
    }

    private static TimebankListingsReader reader() {
        return new TimebankListingsReader(ReadOptions.of("timebanks.org")
                .withMapping(TestFiles.shippedMapping("timebank-listings")));
    }

    private static ImportResult<ImportedListing> json(Path file) throws IOException {
        return new LibraryJsonReader(ReadOptions.of("library").withMapping(TestFiles.shippedMapping("library-json")))
                .read(file);
    }
}
