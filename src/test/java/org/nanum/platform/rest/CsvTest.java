package org.nanum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The server's CSV, read back with Commons CSV's own parser (RFC 4180): what goes in comes out, defused. */
class CsvTest {
    @Test
    void every_cell_comes_back_whole_and_no_text_cell_starts_a_formula() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\")\r\n\r\n", "+1", "-2+3", "@SUM(A1)", "\tTab",
                "\rCR", "plain, with \"quotes\"", "줄\n바꿈", "");
        String csv = Csv.write(List.of("n", "text", "minutes"),
                hostile.stream().map(h -> Arrays.<Object>asList(hostile.indexOf(h), h, -45)).toList());
        assertTrue(csv.startsWith(Csv.BOM + "n,text,minutes\r\n"), csv);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(hostile.size(), records.size());
        for (int i = 0; i < hostile.size(); i++) {
            String original = hostile.get(i);
            String back = records.get(i).get("text");
            boolean risky = !original.isEmpty() && "=+-@\t\r".indexOf(original.charAt(0)) >= 0;
            assertEquals(risky ? "'" + original : original, back, "cell " + i);
            assertEquals("-45", records.get(i).get("minutes"), "a number stays a number");
        }
    }

    @Test
    void a_null_cell_is_empty() throws Exception {
        String csv = Csv.write(List.of("a", "b"), List.of(Arrays.asList(null, "x")));
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords().get(0);
        assertEquals("", row.get("a"));
        assertEquals("x", row.get("b"));
    }
}
