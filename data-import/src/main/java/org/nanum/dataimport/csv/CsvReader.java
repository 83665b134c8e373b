package org.nanum.dataimport.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.UnreadableFileException;

/**
 * Reads a CSV file (RFC 4180) record by record, holding one record in memory at a time.
 *
 * <p>It works on bytes and decodes each value as UTF-8 on its own, strictly: a byte that is not
 * UTF-8 is reported with the line it sits on and its column, never replaced by "?". Quoted values
 * may hold delimiters, doubled quotes and line breaks; each record knows the line it starts on. A
 * record longer than the limit (1 MiB by default) is read to its end without being kept and comes
 * back as one broken record, so a 10 MB line costs no memory and the records after it are read.
 * The header is checked before anything else: the delimiter (another one, such as ';' or a tab,
 * is named), then the columns the format needs (the missing ones are named).
 */
public final class CsvReader implements Closeable {
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
    private static final int QUOTE = '"';
    private static final int CR = '\r';
    private static final int LF = '\n';
    /** Delimiters a spreadsheet may have used, so that the wrong one can be named. */
    private static final byte[] POSSIBLE_DELIMITERS = {',', ';', '\t', '|'};
    private static final HexFormat HEX = HexFormat.ofDelimiter(" 0x").withUpperCase();

    private final InputStream in;
    private final byte[] allowedDelimiters;
    private final int maxRecordBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int line = 1;
    private int delimiter;
    private CsvHeader header;
    private final FieldBytes value = new FieldBytes();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** @param delimiters the delimiters the format accepts, the usual one first */
    public CsvReader(InputStream in, int maxRecordBytes, char... delimiters) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.allowedDelimiters = new byte[delimiters.length];
        for (int i = 0; i < delimiters.length; i++) {
            allowedDelimiters[i] = (byte) delimiters[i];
        }
    }

    public static CsvReader open(Path file, int maxRecordBytes, char... delimiters) throws IOException {
        return new CsvReader(Files.newInputStream(file), maxRecordBytes, delimiters);
    }

    /**
     * Reads the first record as the header and checks it: the file must be UTF-8 (a BOM is
     * accepted), use one of the format's delimiters and have every required column.
     */
    public CsvHeader readHeader(List<Column> required) throws IOException, UnreadableFileException {
        fillBuffer();
        skipByteOrderMark();
        delimiter = chooseDelimiter();
        CsvRecord first = readRecord();
        if (first == null) {
            throw unreadable(1, null, "the file is empty: it has no header line");
        }
        if (first.isBroken()) {
            throw new UnreadableFileException(first.problem());
        }
        header = new CsvHeader(first.values().stream().map(String::strip).toList());
        checkColumns(required, first.line());
        return header;
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public CsvRecord next() throws IOException {
        if (header == null) {
            throw new IllegalStateException("read the header first");
        }
        return readRecord();
    }

    public CsvHeader header() {
        return header;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void checkColumns(List<Column> required, int headerLine) throws UnreadableFileException {
        for (String name : header.names()) {
            if (header.names().stream().filter(other -> Column.key(other).equals(Column.key(name))).count() > 1) {
                throw unreadable(headerLine, name, "the header names this column twice");
            }
        }
        List<String> missing = required.stream().filter(column -> !header.has(column)).map(Column::name).toList();
        if (!missing.isEmpty()) {
            throw unreadable(headerLine, String.join(", ", missing),
                    (missing.size() == 1 ? "missing column" : "missing columns") + "; the header has: "
                            + String.join(", ", header.names()));
        }
    }

    private CsvRecord readRecord() throws IOException {
        while (true) {
            Reading reading = new Reading(line);
            int b;
            while (true) {
                b = read();
                if (b < 0) {
                    if (reading.size == 0) {
                        return null;
                    }
                    if (reading.quoted) {
                        reading.problem(value.startLine, column(reading.values.size()),
                                "a quoted value opened on this line never closes");
                    }
                    break;
                }
                reading.count();
                if (reading.quoted) {
                    readQuoted(b, reading);
                } else if (b == delimiter) {
                    endValue(reading);
                } else if (b == CR || b == LF) {
                    endLine(b, reading);
                    break;
                } else {
                    readUnquoted(b, reading);
                }
            }
            if (!reading.values.isEmpty() || reading.valueStarted || reading.tooLarge || b < 0) {
                endValue(reading);
                return reading.toRecord();
            }
            // a blank line: nothing to report, read on
        }
    }

    private void readQuoted(int b, Reading reading) throws IOException {
        if (b == QUOTE) {
            if (peek() == QUOTE) {
                read();
                reading.count();
                reading.append(QUOTE);
            } else {
                reading.quoted = false;
                reading.afterClosingQuote = true;
            }
            return;
        }
        reading.append(b);
        if (b == CR && peek() == LF) {
            read();
            reading.count();
            reading.append(LF);
        }
        if (b == CR || b == LF) {
            line++;
        }
    }

    private void readUnquoted(int b, Reading reading) {
        if (reading.afterClosingQuote) {
            reading.problem(line, column(reading.values.size()),
                    "text after the closing quote; a quoted value must end with its quote");
        } else if (b == QUOTE && !reading.valueStarted) {
            reading.quoted = true;
            reading.valueStarted = true;
            return;
        } else if (b == QUOTE) {
            reading.problem(line, column(reading.values.size()),
                    "a quote inside a value that does not start with one; quote the whole value and double the quote");
        }
        reading.valueStarted = true;
        reading.append(b);
    }

    private void endLine(int b, Reading reading) throws IOException {
        if (b == CR && peek() == LF) {
            read();
            reading.count();
        }
        line++;
    }

    private void endValue(Reading reading) {
        if (!reading.tooLarge) {
            reading.values.add(decode(reading));
        }
        reading.valueStarted = false;
        reading.afterClosingQuote = false;
        value.start(line);
    }

    private String decode(Reading reading) {
        utf8.reset();
        ByteBuffer bytes = ByteBuffer.wrap(value.bytes, 0, value.length);
        CharBuffer chars = CharBuffer.allocate(value.length);
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            String bad = HEX.formatHex(value.bytes, at, Math.min(at + result.length(), value.length));
            reading.problem(value.lineAt(at), column(reading.values.size()), "bytes that are not UTF-8 (0x" + bad
                    + "): the file seems saved in another encoding, such as EUC-KR/CP949 or Windows-1252; save it as UTF-8");
            return "";
        }
        return chars.flip().toString();
    }

    private String column(int index) {
        return header == null ? null : header.nameAt(index);
    }

    /** The state of the record being read; the first problem found is the one reported. */
    private final class Reading {
        final int startLine;
        final List<String> values = new ArrayList<>();
        long size;
        boolean tooLarge;
        boolean quoted;
        boolean valueStarted;
        boolean afterClosingQuote;
        RowError problem;

        Reading(int startLine) {
            this.startLine = startLine;
            value.start(startLine);
        }

        void count() {
            size++;
            if (size > maxRecordBytes && !tooLarge) {
                // From here on the record is only skipped: what was kept is let go at once.
                tooLarge = true;
                values.clear();
                value.start(line);
            }
        }

        void append(int b) {
            if (!tooLarge) {
                value.append(b);
            }
        }

        void problem(int line, String column, String reason) {
            if (problem == null) {
                problem = new RowError(line, column, reason);
            }
        }

        CsvRecord toRecord() {
            if (tooLarge) {
                problem = new RowError(startLine, null, String.format(
                        "the record is %,d bytes long, more than the limit of %,d bytes; it was skipped", size,
                        maxRecordBytes));
            } else if (problem == null && header != null && values.size() != header.size()) {
                problem = new RowError(startLine, null, values.size() + " values where the header has " + header.size()
                        + (values.size() > header.size() ? "; is a delimiter inside an unquoted value?"
                        : "; is the line cut short?"));
            }
            return problem == null
                    ? new CsvRecord(startLine, List.copyOf(values), null, header)
                    : new CsvRecord(startLine, List.of(), problem, header);
        }
    }

    // --- the delimiter and the byte order mark, decided from the first bytes

    private int chooseDelimiter() throws UnreadableFileException {
        int[] counts = countOnFirstLine();
        int best = allowedDelimiters[0];
        int bestCount = 0;
        for (byte allowed : allowedDelimiters) {
            if (counts[allowed] > bestCount) {
                best = allowed;
                bestCount = counts[allowed];
            }
        }
        for (byte other : POSSIBLE_DELIMITERS) {
            if (!isAllowed(other) && counts[other] > bestCount) {
                throw unreadable(1, null, "the values are separated by " + nameOf(other) + ", not by "
                        + namesOfAllowed() + ": export the file again as CSV with commas (in a spreadsheet: "
                        + "Save as, CSV UTF-8, comma delimited)");
            }
        }
        return best;
    }

    /** How often each possible delimiter appears on the first line, outside quotes. */
    private int[] countOnFirstLine() {
        int[] counts = new int[128];
        boolean quoted = false;
        for (int i = position; i < limit; i++) {
            int b = buffer[i];
            if (b == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && (b == CR || b == LF)) {
                break;
            } else if (!quoted && b >= 0) {
                counts[b]++;
            }
        }
        return counts;
    }

    private boolean isAllowed(byte delimiter) {
        for (byte allowed : allowedDelimiters) {
            if (allowed == delimiter) {
                return true;
            }
        }
        return false;
    }

    private String namesOfAllowed() {
        List<String> names = new ArrayList<>();
        for (byte allowed : allowedDelimiters) {
            names.add(nameOf(allowed));
        }
        return String.join(" or ", names);
    }

    private static String nameOf(int delimiter) {
        return switch (delimiter) {
            case ',' -> "commas (',')";
            case ';' -> "semicolons (';')";
            case '\t' -> "tabs";
            case '|' -> "vertical bars ('|')";
            default -> "'" + (char) delimiter + "'";
        };
    }

    private void skipByteOrderMark() throws UnreadableFileException {
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            position += 3;
        } else if (startsWith(0xFE, 0xFF) || startsWith(0xFF, 0xFE)) {
            throw unreadable(1, null, "the file is UTF-16; save it as UTF-8");
        }
    }

    private boolean startsWith(int... bytes) {
        if (limit - position < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((buffer[position + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static UnreadableFileException unreadable(int line, String column, String reason) {
        return new UnreadableFileException(new RowError(line, column, reason));
    }

    // --- bytes

    private int read() throws IOException {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int peek() throws IOException {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    private boolean refill() throws IOException {
        position = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** Fills the buffer as far as the file allows, so that the first line can be looked at whole. */
    private void fillBuffer() throws IOException {
        int n;
        while (limit < buffer.length && (n = in.read(buffer, limit, buffer.length - limit)) > 0) {
            limit += n;
        }
    }
}
