package org.nanum.dataimport.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.UnreadableFileException;

class CsvReaderTest {
    private static final List<Column> NAME_AND_NOTE = List.of(Column.of("name"), Column.of("note"));

    @Test
    void quotedValuesHoldCommasQuotesAndLineBreaksAndEachRecordKnowsItsFirstLine() throws Exception {
        List<CsvRecord> records = readAll("name,note\r\n"
                + "drill,\"cordless, 18 V\"\r\n"
                + "ladder,\"says \"\"3 m\"\"\"\r\n"
                + "tent,\"sleeps 4\r\npoles in a bag\nno pegs\"\r\n"
                + "saw,last\r\n");

        assertEquals(List.of("drill", "cordless, 18 V"), records.get(0).values());
        assertEquals(List.of("ladder", "says \"3 m\""), records.get(1).values());
        assertEquals(List.of("tent", "sleeps 4\r\npoles in a bag\nno pegs"), records.get(2).values());
        assertEquals(List.of(2, 3, 4, 7), records.stream().map(CsvRecord::line).toList());
    }

    @Test
    void lineFeedsAloneBlankLinesAndAMissingLastLineBreakAreFine() throws Exception {
        List<CsvRecord> records = readAll("name,note\n\ndrill,a\n\n\nsaw,\"\"");

        assertEquals(List.of(List.of("drill", "a"), List.of("saw", "")), records.stream().map(CsvRecord::values).toList());
        assertEquals(List.of(3, 6), records.stream().map(CsvRecord::line).toList());
    }

    @Test
    void aByteOrderMarkIsAcceptedAndNotPartOfTheFirstColumnName() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        CsvReader reader = reader(concat(bom, "name,note\n공구,좋음\n".getBytes(StandardCharsets.UTF_8)));

        CsvHeader header = reader.readHeader(NAME_AND_NOTE);

        assertEquals("name", header.nameAt(0));
        assertEquals(List.of("공구", "좋음"), reader.next().values());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLineAndColumnAndReadingGoesOn() throws Exception {
        byte[] euckr = {(byte) 0xB0, (byte) 0xF8, (byte) 0xB1, (byte) 0xB8}; // "공구" in EUC-KR
        byte[] file = concat("name,note\ndrill,fine\nsaw,\"first line\n".getBytes(StandardCharsets.UTF_8), euckr,
                "\"\nhammer,ok\n".getBytes(StandardCharsets.UTF_8));

        List<CsvRecord> records = readAll(file);

        assertFalse(records.get(0).isBroken());
        RowError problem = records.get(1).problem();
        assertEquals(new RowError(4, "note", problem.reason()), problem, "the bad byte's own line, not the record's");
        assertTrue(problem.reason().startsWith("bytes that are not UTF-8 (0xB0"), problem.reason());
        assertTrue(problem.reason().contains("EUC-KR"), problem.reason());
        assertEquals(List.of("hammer", "ok"), records.get(2).values());
    }

    @Test
    void aSemicolonSeparatedFileIsNamedAsSuch() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> reader("name;note\ndrill;fine\n").readHeader(NAME_AND_NOTE));

        assertEquals(1, e.error().line());
        assertTrue(e.error().reason().startsWith("the values are separated by semicolons (';'), not by commas"),
                e.error().reason());
    }

    @Test
    void aTabSeparatedFileIsNamedAsSuchUnlessTheFormatTakesTabs() throws Exception {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> reader("name\tnote\ndrill\tfine\n").readHeader(NAME_AND_NOTE));
        assertTrue(e.error().reason().startsWith("the values are separated by tabs, not by commas"), e.error().reason());

        CsvReader both = new CsvReader(stream("name\tnote\ndrill\t\"a, b\"\n"), 1024, ',', '\t');
        both.readHeader(NAME_AND_NOTE);
        assertEquals(List.of("drill", "a, b"), both.next().values());
    }

    @Test
    void missingColumnsAreNamedWithWhatTheHeaderHas() {
        List<Column> required = List.of(Column.of("Code"), Column.of("Name"), Column.of("Value", "Value (RRP)"));

        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> reader("code,Title,value_rrp\nA1,drill,10\n").readHeader(required));

        assertEquals(new RowError(1, "Name", "missing column; the header has: code, Title, value_rrp"), e.error());
    }

    @Test
    void aColumnNamedTwiceIsAnError() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> reader("name,Note,note\n").readHeader(NAME_AND_NOTE));

        assertEquals("the header names this column twice", e.error().reason());
    }

    @Test
    void emptyAndUtf16FilesAreNotRead() throws IOException {
        assertEquals("the file is empty: it has no header line", assertThrows(UnreadableFileException.class,
                () -> reader("").readHeader(NAME_AND_NOTE)).error().reason());
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "name,note".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("the file is UTF-16; save it as UTF-8", assertThrows(UnreadableFileException.class,
                () -> reader(utf16).readHeader(NAME_AND_NOTE)).error().reason());
    }

    @Test
    void aRecordWithTooFewOrTooManyValuesIsBroken() throws Exception {
        List<CsvRecord> records = readAll("name,note\ndrill\nsaw,a,b\nhammer,c\n");

        assertEquals(new RowError(2, null, "1 values where the header has 2; is the line cut short?"), records.get(0).problem());
        assertEquals(new RowError(3, null, "3 values where the header has 2; is a delimiter inside an unquoted value?"),
                records.get(1).problem());
        assertFalse(records.get(2).isBroken());
    }

    @Test
    void strayQuotesAreReportedNotGuessedAt() throws Exception {
        List<CsvRecord> records = readAll("name,note\n"
                + "drill,12\" bit\n"
                + "saw,\"sharp\" blade\n"
                + "hammer,ok\n");

        assertEquals("note", records.get(0).problem().column());
        assertTrue(records.get(0).problem().reason().startsWith("a quote inside a value"));
        assertTrue(records.get(1).problem().reason().startsWith("text after the closing quote"));
        assertEquals(List.of("hammer", "ok"), records.get(2).values());
    }

    @Test
    void aQuoteLeftOpenIsReportedAtTheLineItOpens() throws Exception {
        List<CsvRecord> records = readAll("name,note\ndrill,ok\nsaw,\"never closed\nhammer,ok\n");

        assertEquals(2, records.size());
        assertEquals(new RowError(3, "note", "a quoted value opened on this line never closes"), records.get(1).problem());
    }

    /** 10 MB on one line: one broken record, no OutOfMemoryError (the tests run with -Xmx256m), the next line read. */
    @Test
    void aTenMegabyteLineIsOneBrokenRecordAndTheNextLineIsStillRead() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        InputStream file = new SequenceInputStream(stream("name,note\ndrill,"),
                new SequenceInputStream(new ByteArrayInputStream(big), stream("\nhammer,ok\n")));
        CsvReader reader = new CsvReader(file, CsvReader.DEFAULT_MAX_RECORD_BYTES, ',');
        reader.readHeader(NAME_AND_NOTE);

        CsvRecord huge = reader.next();
        CsvRecord after = reader.next();

        assertEquals(new RowError(2, null,
                "the record is 10,485,767 bytes long, more than the limit of 1,048,576 bytes; it was skipped"), huge.problem());
        assertEquals(3, after.line());
        assertEquals(List.of("hammer", "ok"), after.values());
        assertNull(reader.next());
    }

    @Test
    void aTooLongRecordThatSpansLinesInQuotesIsSkippedWhole() throws Exception {
        CsvReader reader = new CsvReader(stream("name,note\ndrill,\"" + "y\n".repeat(100) + "\"\nhammer,ok\n"), 64, ',');
        reader.readHeader(NAME_AND_NOTE);

        assertEquals(2, reader.next().problem().line());
        CsvRecord after = reader.next();
        assertEquals(103, after.line());
        assertEquals(List.of("hammer", "ok"), after.values());
    }

    private static List<CsvRecord> readAll(String text) throws Exception {
        return readAll(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CsvRecord> readAll(byte[] bytes) throws Exception {
        CsvReader reader = reader(bytes);
        reader.readHeader(NAME_AND_NOTE);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    private static CsvReader reader(String text) {
        return reader(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvReader reader(byte[] bytes) {
        return new CsvReader(new ByteArrayInputStream(bytes), CsvReader.DEFAULT_MAX_RECORD_BYTES, ',');
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
