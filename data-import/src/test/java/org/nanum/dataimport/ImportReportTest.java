package org.nanum.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.formats.TimebankListingsReader;

class ImportReportTest {

    @Test
    void aSummaryThenOneLinePerErrorMergeAndUnmappedCategory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("listings.csv"), """
                listing_id,timebank,type,description,categories,listed_at
                1,york,offer,Tutoring,Education > Tutoring / Mentoring,2019-01-22 10:00:00
                2,york,offer,Help the time bank,Help Our Time Bank,03/04/2019
                1,york,offer,Tutoring,Education > Tutoring / Mentoring,2019-01-22 10:00:00
                3,york,request,Anything,,2019-01-22 10:00:00
                """);

        ImportResult<ImportedListing> result = new TimebankListingsReader(ReadOptions.of("timebanks.org")
                .withMapping(TestFiles.shippedMapping("timebank-listings"))).read(file);

        assertEquals(List.of(
                "timebank-listings listings.csv (source \"timebanks.org\"): 4 rows read, 2 records, 1 repeated rows merged, "
                        + "1 errors, 1 listings without a Nanum category (0 source categories unmapped)",
                "ERROR line 3, column \"listed_at\": \"03/04/2019\" could be day/month or month/day; write it as 2019-01-22 "
                        + "or 2019-01-22 14:30:00",
                "MERGED line 4 repeats \"york/1\" of line 2 (identical)",
                "UNMAPPED 1 listing: (no category)"), ImportReport.lines(result, "listings.csv"));
    }
}
