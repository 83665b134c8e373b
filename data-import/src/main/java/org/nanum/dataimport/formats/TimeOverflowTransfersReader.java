package org.nanum.dataimport.formats;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedTransfer;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * TimeOverflow's transfer export: time given from one account to another. The export has no
 * transfer id, so the external id is a digest of what the transfer is (when, from, to, how long,
 * for which post, why): exporting and importing again gives the same ids. Account 0 is the time
 * bank's own; the export hides inactive and deleted members, whose transfers cannot be attributed
 * and are reported instead of guessed.
 */
public final class TimeOverflowTransfersReader implements FormatReader<ImportedTransfer> {
    public static final String FORMAT = "timeoverflow-transfers";
    static final Column DATE = Column.of("Date", "Created", "Created at");
    static final Column FROM_ID = Column.of("from ID", "From id");
    static final Column TO_ID = Column.of("to ID", "To id");
    static final Column POST_ID = Column.of("post ID", "Post id");
    static final Column REASON = Column.of("Comments", "Reason");
    static final Column QUANTITY = Column.of("quantity", "Hours");
    private static final Pattern HOURS_AND_MINUTES = Pattern.compile("(\\d+):([0-5]\\d)");
    private static final Pattern DECIMAL_HOURS = Pattern.compile("\\d+(\\.\\d+)?");

    private final ReadOptions options;

    public TimeOverflowTransfersReader(ReadOptions options) {
        this.options = options;
    }

    @Override
    public ImportResult<ImportedTransfer> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file, List.of(DATE, FROM_ID, TO_ID, QUANTITY), this::transfer, ',');
    }

    private ImportedTransfer transfer(CsvRecord row) {
        Instant at = SourceDates.instant(row.cell(DATE), options.zone());
        if (at == null) {
            throw row.cell(DATE).fail("is empty");
        }
        String from = member(row.cell(FROM_ID));
        String to = member(row.cell(TO_ID));
        if (from.equals(to)) {
            throw row.cell(TO_ID).fail("is the same account as the sender's");
        }
        int minutes = minutes(row.cell(QUANTITY));
        String post = row.cell(POST_ID).orNull();
        String memo = row.cell(REASON).orNull();
        String id = digest(at + "|" + from + "|" + to + "|" + minutes + "|" + post + "|" + memo);
        return new ImportedTransfer(options.source(), id, row.line(), from, to, minutes, at, memo, post);
    }

    private static String member(Cell cell) {
        String id = cell.required();
        if (id.equals("0")) {
            return ImportedTransfer.TIME_BANK;
        }
        if (!id.matches("\\d+")) {
            throw cell.fail("\"" + id + "\": the export hides who this was (an inactive or deleted member), "
                    + "so the transfer cannot be attributed");
        }
        return id;
    }

    /** "1:30" (hours and minutes) or "1.5" (hours, as the full export writes them), to whole minutes. */
    private static int minutes(Cell cell) {
        String text = cell.required().replaceFirst("^-", "");
        Matcher hm = HOURS_AND_MINUTES.matcher(text);
        int minutes;
        if (hm.matches()) {
            minutes = Integer.parseInt(hm.group(1)) * 60 + Integer.parseInt(hm.group(2));
        } else if (DECIMAL_HOURS.matcher(text).matches() && text.length() < 10) {
            minutes = new BigDecimal(text).multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValue();
        } else {
            throw cell.fail("\"" + cell.orNull() + "\" is not a time; write hours as 1.5 or 1:30");
        }
        if (minutes == 0) {
            throw cell.fail("is no time at all");
        }
        return minutes;
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "t-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
