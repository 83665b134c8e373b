package org.nanum.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.nanum.testsupport.Keycloak;

/**
 * {@code ./nanum bench import}: the import tool on a real file (by default the 30,756 rows of
 * ../shared/data/timebank-listings.csv, 5,464 listings) through the server, against a raw JDBC
 * baseline that writes the same listings and import records to copies of the same tables, 200 rows
 * a transaction, on the same database in the same run: the floor of what the database alone
 * costs, without the rules, the audit trail, the search index's outbox and HTTP. Each round imports
 * into a new source (everything created), then the same file again (everything unchanged), then a
 * dry run; the best round of each counts.
 */
public final class ImportBench {
    record Round(double importSeconds, double againSeconds, double drySeconds, double rawSeconds, int listings) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(System.getProperty("nanum.shared.data", "../shared/data"), "timebank-listings.csv");
        String format = "timebank-listings";
        int rounds = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[i + 1]);
                case "--format" -> format = args[i + 1];
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not here: ../shared/data, or --file");
        }
        String base = System.getenv().getOrDefault("NANUM_BENCH_URL", "http://127.0.0.1:9080");
        String jdbc = "jdbc:postgresql://" + System.getenv("NANUM_DB_HOST") + ":" + System.getenv("NANUM_DB_PORT") + "/"
                + System.getenv("NANUM_DB_NAME");
        Keycloak.Person staff = Keycloak.newPerson("staff");
        Path work = Path.of("target/bench/import").toAbsolutePath();
        Files.createDirectories(work);
        List<Round> results = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, System.getenv("NANUM_DB_USER"), System.getenv("NANUM_DB_PASSWORD"))) {
            for (int r = 1; r <= rounds; r++) {
                String source = "bench-" + r + "-" + System.nanoTime();
                double first = tool(work, staff, base, format, file, source, false);
                double again = tool(work, staff, base, format, file, source, false);
                double dry = tool(work, staff, base, format, file, source, true);
                int listings = count(db, "select count(*) from import_record where source = '" + source + "' and kind = 'LISTING'");
                double raw = raw(db, source);
                results.add(new Round(first, again, dry, raw, listings));
                System.out.printf(Locale.ROOT, "round %d: %d listings, import %.1f s, again %.1f s, dry run %.1f s, raw JDBC %.2f s%n",
                        r, listings, first, again, dry, raw);
            }
        }
        String md = markdown(file, results);
        Files.writeString(Path.of("target/bench/import.md"), md);
        System.out.println(md);
    }

    /** The import tool as an operator runs it; seconds from start to exit, which must be 0. */
    private static double tool(Path work, Keycloak.Person staff, String base, String format, Path file, String source,
                               boolean dry) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnanum.import.home=" + Path.of("data-import").toAbsolutePath(), "-cp", System.getenv("NANUM_TEST_IMPORT_CP"),
                "org.nanum.dataimport.cli.ImportCommand", format, file.toAbsolutePath().toString(), "--source", source,
                "--server", base));
        if (dry) {
            command.add("--dry-run");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("tool.log").toFile()));
        pb.environment().put("NANUM_IMPORT_USER", staff.username());
        pb.environment().put("NANUM_IMPORT_PASSWORD", staff.password());
        long started = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the import tool failed (target/bench/import/tool.log)");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The same listings and import records, written by plain JDBC into copies of the tables, 200 a transaction. */
    private static double raw(Connection db, String source) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("create table if not exists bench_listing (like listing including defaults)");
            s.execute("create table if not exists bench_import_record (like import_record including defaults)");
            s.execute("truncate bench_listing, bench_import_record");
        }
        List<Object[]> listings = new ArrayList<>();
        List<Object[]> records = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select l.*, r.* from listing l join import_record r on r.target_id = l.id "
                     + "where r.source = '" + source + "' and r.kind = 'LISTING'")) {
            int listingColumns = count(db, "select count(*) from information_schema.columns where table_name = 'listing'");
            int all = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] l = new Object[listingColumns];
                Object[] r = new Object[all - listingColumns];
                for (int c = 0; c < all; c++) {
                    if (c < listingColumns) {
                        l[c] = rs.getObject(c + 1);
                    } else {
                        r[c - listingColumns] = rs.getObject(c + 1);
                    }
                }
                listings.add(l);
                records.add(r);
            }
        }
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        long started = System.nanoTime();
        try (PreparedStatement l = db.prepareStatement(insert("bench_listing", listings.get(0).length));
             PreparedStatement r = db.prepareStatement(insert("bench_import_record", records.get(0).length))) {
            for (int i = 0; i < listings.size(); i++) {
                bind(l, listings.get(i));
                bind(r, records.get(i));
                if ((i + 1) % 200 == 0 || i + 1 == listings.size()) {
                    l.executeBatch();
                    r.executeBatch();
                    db.commit();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        db.setAutoCommit(auto);
        return seconds;
    }

    private static String insert(String table, int columns) {
        return "insert into " + table + " values (" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
    }

    private static void bind(PreparedStatement p, Object[] values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
        p.addBatch();
    }

    private static int count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String markdown(Path file, List<Round> rounds) {
        Round best = rounds.get(0);
        double bestImport = rounds.stream().mapToDouble(Round::importSeconds).min().orElseThrow();
        double bestAgain = rounds.stream().mapToDouble(Round::againSeconds).min().orElseThrow();
        double bestDry = rounds.stream().mapToDouble(Round::drySeconds).min().orElseThrow();
        double bestRaw = rounds.stream().mapToDouble(Round::rawSeconds).min().orElseThrow();
        int n = best.listings();
        StringBuilder b = new StringBuilder();
        b.append("# Import benchmark\n\n").append("File: `").append(file.getFileName()).append("`, ").append(n)
                .append(" listings; best of ").append(rounds.size()).append(" rounds.\n\n")
                .append("| path | seconds | listings/s | × raw JDBC |\n| --- | --- | --- | --- |\n");
        row(b, "raw JDBC: the same rows, 200 a transaction (baseline)", bestRaw, n, bestRaw);
        row(b, "./nanum import, first time (all created)", bestImport, n, bestRaw);
        row(b, "./nanum import, again (all unchanged)", bestAgain, n, bestRaw);
        row(b, "./nanum import --dry-run of the same file (all unchanged, rolled back)", bestDry, n, bestRaw);
        b.append("\nThe tool's times include its JVM start, reading and merging the file (30,756 rows) and signing in.\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String what, double seconds, int n, double raw) {
        b.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.1f |%n", what, seconds, n / seconds, seconds / raw));
    }
}
