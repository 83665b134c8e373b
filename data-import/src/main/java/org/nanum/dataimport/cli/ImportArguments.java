package org.nanum.dataimport.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.nanum.dataimport.formats.ImportFormat;

/**
 * The command line of {@code ./nanum import}, checked before anything is read: a mistyped option
 * must stop the command, not be taken for a file, and a currency or zone that does not exist must
 * be said before a 30,000-row file is read.
 *
 * @param format    one of {@link ImportFormat}'s names, or {@link #TIMEOVERFLOW}
 * @param files     one file, or for {@code timeoverflow} the members, posts and transfers in that order
 * @param source    the source's name, the first half of every external id
 * @param currency  the currency of the file's amounts, or null
 * @param zone      the zone of times written without one, or null (UTC)
 * @param mapping   the category mapping file, or null for the shipped one
 * @param server    Nanum's address, without a trailing slash
 * @param batch     records per request (1 to {@link #MAX_BATCH})
 * @param report    the report file, or null for one in {@code import-reports/}
 */
public record ImportArguments(String format, List<Path> files, boolean dryRun, String source, String currency,
                              ZoneId zone, Path mapping, String server, int batch, Path report, boolean noResume,
                              boolean help) {

    /** Members, posts and transfers of one TimeOverflow time bank, then the members' opening balances. */
    public static final String TIMEOVERFLOW = "timeoverflow";
    public static final int DEFAULT_BATCH = 200;
    public static final int MAX_BATCH = 500;

    public ImportArguments {
        files = List.copyOf(files);
    }

    public boolean isTimeOverflow() {
        return TIMEOVERFLOW.equals(format);
    }

    /** Parses the arguments after {@code import}; {@code env} gives the default server's port (NANUM_HTTP_PORT). */
    public static ImportArguments parse(List<String> args, Map<String, String> env) throws UsageException {
        if (args.contains("--help") || args.contains("-h")) {
            return new ImportArguments(null, List.of(), false, null, null, null, null, null, DEFAULT_BATCH, null,
                    false, true);
        }
        List<String> positional = new ArrayList<>();
        boolean dryRun = false;
        boolean noResume = false;
        String source = null;
        String currency = null;
        ZoneId zone = null;
        Path mapping = null;
        String server = null;
        Integer batch = null;
        Path report = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--dry-run" -> dryRun = flag(name, value);
                case "--no-resume" -> noResume = flag(name, value);
                case "--source", "--currency", "--zone", "--mapping", "--server", "--batch", "--report" -> {
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a value");
                    }
                    switch (name) {
                        case "--source" -> source = value.strip();
                        case "--currency" -> currency = currency(value);
                        case "--zone" -> zone = zone(value);
                        case "--mapping" -> mapping = Path.of(value);
                        case "--server" -> server = server(value);
                        case "--batch" -> batch = batch(value);
                        default -> report = Path.of(value);
                    }
                }
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (positional.isEmpty()) {
            throw new UsageException("say which format the file is in");
        }
        String format = positional.getFirst();
        List<Path> files = positional.subList(1, positional.size()).stream().map(Path::of).toList();
        if (TIMEOVERFLOW.equals(format)) {
            if (files.size() != 3) {
                throw new UsageException("timeoverflow takes three files, in this order: MEMBERS POSTS TRANSFERS");
            }
        } else if (ImportFormat.named(format).isEmpty()) {
            throw new UsageException("unknown format \"" + format + "\"; the formats are " + formatNames());
        } else if (files.size() != 1) {
            throw new UsageException(files.isEmpty() ? "say which file to import" : format + " takes one file");
        }
        if (server == null) {
            server = "http://localhost:" + env.getOrDefault("NANUM_HTTP_PORT", "9080");
        }
        return new ImportArguments(format, files, dryRun, source == null ? format : source, currency, zone, mapping,
                server, batch == null ? DEFAULT_BATCH : batch, report, noResume, false);
    }

    /** The names the command takes, as the usage lists them. */
    public static String formatNames() {
        return Arrays.stream(ImportFormat.values()).map(ImportFormat::formatName)
                .collect(Collectors.joining(", ")) + ", " + TIMEOVERFLOW;
    }

    private static boolean flag(String name, String value) throws UsageException {
        if (value != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static String currency(String value) throws UsageException {
        try {
            return Currency.getInstance(value.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--currency: \"" + value + "\" is not a currency code (KRW, USD, EUR...)");
        }
    }

    private static ZoneId zone(String value) throws UsageException {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new UsageException("--zone: \"" + value + "\" is not a time zone (Asia/Seoul, Europe/Madrid, +09:00...)");
        }
    }

    private static String server(String value) throws UsageException {
        String url = value.strip();
        if (!url.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new UsageException("--server: \"" + value + "\" is not an http:// or https:// address");
        }
        return url.replaceAll("/+$", "");
    }

    private static int batch(String value) throws UsageException {
        try {
            int batch = Integer.parseInt(value.strip());
            if (batch >= 1 && batch <= MAX_BATCH) {
                return batch;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--batch: \"" + value + "\" is not a number of records from 1 to " + MAX_BATCH);
    }

    /** The text {@code --help} prints, and a usage error follows with. */
    public static String usage() {
        return """
                Usage: ./nanum import FORMAT FILE [options]
                       ./nanum import timeoverflow MEMBERS POSTS TRANSFERS [options]

                Reads FILE, signs in to Keycloak and sends the records to Nanum's import API in batches.
                Importing a file again changes nothing that has not changed (source + id identify a record).

                FORMAT: %s
                  timeoverflow imports a TimeOverflow time bank's three exports in order, then the
                  members' balances as opening balances.

                Options:
                  --dry-run        the server checks everything and writes nothing
                  --source NAME    the source's name, the first half of every external id
                                   (default: the format's name)
                  --currency CUR   the currency of the file's amounts (KRW, USD...); formats with prices need it
                  --zone ZONE      the zone of times written without one (default UTC)
                  --mapping FILE   the category mapping (default data-import/mappings/FORMAT.tsv)
                  --server URL     Nanum's address (default http://localhost:${NANUM_HTTP_PORT:-9080})
                  --batch N        records per request (default %d, at most %d)
                  --report FILE    where to write the report (default import-reports/FILE-DATE.txt)
                  --no-resume      start from the first record even if an earlier run stopped midway
                  --help           this text

                Sign-in: NANUM_IMPORT_CLIENT_SECRET (and NANUM_IMPORT_CLIENT_ID, default nanum-import) for the
                service account; else NANUM_IMPORT_USER and NANUM_IMPORT_PASSWORD; else the demo staff user sam
                (only against ./nanum run).

                Exit codes: 0 imported; 1 imported, but some rows had errors (see the report); 2 bad usage, or
                the file or mapping refused before anything was sent; 3 could not sign in, reach the server, or
                the server refused a batch (run the same command again to resume); 130 interrupted (same).
                """.formatted(formatNames(), DEFAULT_BATCH, MAX_BATCH);
    }
}
