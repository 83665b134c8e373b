package org.nanum.dataimport.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.nanum.dataimport.ImportReport;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.ImportedTransfer;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.categories.CategoryMapping;
import org.nanum.dataimport.categories.InvalidMappingFileException;
import org.nanum.dataimport.categories.NanumCategories;
import org.nanum.dataimport.formats.ImportFormat;

/**
 * {@code ./nanum import FORMAT FILE... [options]}: reads the file with its format's reader, signs
 * in, sends the records to the server's import API in batches, and writes a report of what the
 * reader and the server made of each row. Everything is read and checked before the first request,
 * so that a file with missing columns or a broken mapping sends nothing (exit 2). An import that
 * stops midway (exit 3, Ctrl-C) resumes after the records the server confirmed when the same
 * command is run again. See {@link ExitCode} and data-import/README.md, "The command".
 */
public final class ImportCommand {
    static final String REPORTS_DIR = "import-reports";
    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Map<String, String> env;
    private final Path workDir;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;

    /** Where the import is, for the shutdown hook that says how to resume after Ctrl-C. */
    private volatile String position;
    private volatile boolean finished;

    /**
     * @param env     the environment (sign-in, NANUM_HTTP_PORT)
     * @param workDir where relative paths start and {@code import-reports/} is
     * @param home    the data-import folder (mappings/, and ../src/main/resources/catalogue/categories.tsv)
     */
    ImportCommand(Map<String, String> env, Path workDir, Path home, PrintStream out, PrintStream err, boolean terminal,
                  Sleeper sleeper, LongSupplier nanoClock) {
        this.env = env;
        this.workDir = workDir;
        this.home = home;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
    }

    public static void main(String[] args) {
        Path workDir = Path.of("").toAbsolutePath();
        ImportCommand command = new ImportCommand(System.getenv(), workDir, home(workDir), System.out, System.err,
                isTerminal(), Thread::sleep, System::nanoTime);
        Runtime.getRuntime().addShutdownHook(new Thread(command::onInterrupt, "nanum-import-interrupted"));
        int status = command.run(List.of(args));
        command.finished = true;
        System.exit(status);
    }

    /** Runs the command and returns its exit status. */
    public int run(List<String> args) {
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args, env);
        } catch (UsageException e) {
            err.println("nanum import: " + e.getMessage());
            err.println();
            err.print(ImportArguments.usage());
            return ExitCode.USAGE.status();
        }
        if (arguments.help()) {
            out.print(ImportArguments.usage());
            return ExitCode.OK.status();
        }
        try {
            return importFiles(arguments).status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED.status();
        }
    }

    private ExitCode importFiles(ImportArguments arguments) throws InterruptedException {
        Read files;
        try {
            files = read(arguments);
        } catch (RefusedException e) {
            err.println("nanum import: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Path reportFile = reportFile(arguments);
        List<String> report = new ArrayList<>(files.report());
        if (!files.refused().isEmpty()) {
            report.add("STOPPED nothing was sent: " + String.join(", ", files.refused())
                    + " could not be read at all (see its ERROR lines)");
            writeReport(reportFile, report);
            err.println("nanum import: nothing was sent: " + String.join(", ", files.refused())
                    + " could not be read at all:");
            report.stream().filter(line -> line.startsWith("ERROR ")).limit(5).forEach(line -> err.println("  " + line));
            err.println("report: " + reportFile);
            return ExitCode.USAGE;
        }
        ServerTally tally = new ServerTally();
        ExitCode stopped = null;
        List<String> notes = new ArrayList<>();
        if (files.steps().stream().anyMatch(step -> !step.records().isEmpty())) {
            stopped = send(arguments, files.steps(), tally, notes);
        }
        notes.stream().filter(line -> line.startsWith("RESUMED ")).forEach(report::add);
        report.addAll(tally.lines());
        notes.stream().filter(line -> line.startsWith("STOPPED ")).forEach(report::add);
        if (stopped == null || tally.batches() > 0) {
            report.add(tally.summary(arguments.dryRun()));
            out.println(tally.summary(arguments.dryRun()));
        }
        writeReport(reportFile, report);
        out.println("report: " + reportFile);
        return stopped != null ? stopped : ExitCode.afterImport(files.errors(), tally.errors());
    }

    /** What was read: the steps to send, the readers' report, their errors, and the files that gave nothing but errors. */
    private record Read(List<ImportStep> steps, List<String> report, int errors, List<String> refused) {
    }

    /** The file, mapping or options cannot be used: said before anything is read or sent (exit 2). */
    private static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private Read read(ImportArguments arguments) throws RefusedException {
        List<ImportStep> steps = new ArrayList<>();
        List<String> report = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int errors = 0;
        if (!arguments.isTimeOverflow()) {
            ImportFormat format = ImportFormat.named(arguments.format()).orElseThrow();
            Path file = arguments.files().getFirst();
            ImportResult<?> result = read(format, file, arguments);
            errors += result.errors().size();
            noteRefused(result, file, refused);
            report.addAll(readerReport(result, file));
            steps.add(new ImportStep(what(format), format.formatName(), resolve(file), null, null, json(result.records())));
            return new Read(steps, report, errors, refused);
        }
        ImportFormat[] formats = {ImportFormat.TIMEOVERFLOW_MEMBERS, ImportFormat.TIMEOVERFLOW_POSTS,
                ImportFormat.TIMEOVERFLOW_TRANSFERS};
        List<ImportedMember> members = List.of();
        for (int i = 0; i < formats.length; i++) {
            Path file = arguments.files().get(i);
            ImportResult<?> result = read(formats[i], file, arguments);
            errors += result.errors().size();
            noteRefused(result, file, refused);
            report.addAll(readerReport(result, file));
            if (formats[i] == ImportFormat.TIMEOVERFLOW_MEMBERS) {
                members = result.records().stream().map(ImportedMember.class::cast).toList();
                OpeningBalance.Balances balances = OpeningBalance.of(members);
                balances.errors().forEach(error -> report.add("ERROR " + error));
                errors += balances.errors().size();
            }
            steps.add(new ImportStep(what(formats[i]), formats[i].formatName(), resolve(file), file.getFileName().toString(),
                    null, json(result.records())));
        }
        List<String> balances = OpeningBalance.of(members).balances().stream()
                .map(balance -> RecordJson.balance(balance).toString()).toList();
        if (!balances.isEmpty()) {
            Path file = arguments.files().getFirst();
            steps.add(new ImportStep("balances", "timeoverflow-balances", resolve(file),
                    file.getFileName() + " (balances)", "balances", balances));
        }
        return new Read(steps, report, errors, refused);
    }

    private ImportResult<?> read(ImportFormat format, Path file, ImportArguments arguments) throws RefusedException {
        Path path = resolve(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new RefusedException("cannot read " + file + ": "
                    + (Files.exists(path) ? "not a readable file" : "no such file"));
        }
        ReadOptions options = ReadOptions.of(arguments.source());
        if (arguments.zone() != null) {
            options = options.withZone(arguments.zone());
        }
        if (arguments.currency() != null) {
            options = options.withCurrency(arguments.currency());
        }
        if (format.mapsCategories()) {
            options = options.withMapping(mapping(format, arguments));
        }
        try {
            ImportResult<?> result = format.reader(options).read(path);
            out.println(ImportReport.lines(result, file.toString()).getFirst());
            return result;
        } catch (IllegalArgumentException e) {
            throw new RefusedException(e.getMessage());
        } catch (IOException e) {
            throw new RefusedException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private CategoryMapping mapping(ImportFormat format, ImportArguments arguments) throws RefusedException {
        Path file = arguments.mapping() != null ? resolve(arguments.mapping())
                : home.resolve("mappings").resolve(format.formatName() + ".tsv");
        Path categories = home.resolve("../src/main/resources/catalogue/categories.tsv").normalize();
        if (!Files.isRegularFile(categories)) {
            throw new RefusedException("Nanum's categories are not at " + categories + " (run the command from a "
                    + "checkout of Nanum, through ./nanum import)");
        }
        if (!Files.isRegularFile(file)) {
            throw new RefusedException("the category mapping " + file + " does not exist (--mapping FILE says which to use)");
        }
        try {
            return CategoryMapping.load(file, NanumCategories.fromCatalogueFile(categories));
        } catch (InvalidMappingFileException e) {
            throw new RefusedException("the category mapping has lines that cannot be used; nothing is imported until "
                    + "they are fixed: " + e.getMessage());
        } catch (IOException e) {
            throw new RefusedException("cannot read the category mapping " + file + ": " + e.getMessage());
        }
    }

    /** A file that gave no record but errors was refused as a whole (missing columns, broken JSON, wrong delimiter). */
    private static void noteRefused(ImportResult<?> result, Path file, List<String> refused) {
        if (result.records().isEmpty() && result.hasErrors()) {
            refused.add(file.toString());
        }
    }

    private static List<String> readerReport(ImportResult<?> result, Path file) {
        return ImportReport.lines(result, file.toString());
    }

    private static String what(ImportFormat format) {
        return switch (format) {
            case TIMEOVERFLOW_MEMBERS -> "members";
            case TIMEOVERFLOW_TRANSFERS -> "transfers";
            default -> "listings";
        };
    }

    private static List<String> json(List<?> records) {
        List<String> json = new ArrayList<>(records.size());
        for (Object record : records) {
            json.add(switch (record) {
                case ImportedListing listing -> RecordJson.listing(listing).toString();
                case ImportedMember member -> RecordJson.member(member).toString();
                case ImportedTransfer transfer -> RecordJson.transfer(transfer).toString();
                default -> throw new IllegalStateException("no JSON for " + record.getClass());
            });
        }
        return json;
    }

    /** Sends every step; returns null when all went through, or why the import stopped. */
    private ExitCode send(ImportArguments arguments, List<ImportStep> steps, ServerTally tally, List<String> report)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        SignIn signIn = new SignIn(http, arguments.server(), Credentials.fromEnvironment(env), nanoClock);
        ImportApi api = new ImportApi(http, arguments.server(), signIn, sleeper, err);
        try {
            signIn.token();
        } catch (ImportStoppedException e) {
            return stop(e.getMessage(), "nothing was sent; run the same command again once it can sign in", report);
        }
        Path reportsDir = workDir.resolve(REPORTS_DIR);
        for (ImportStep step : steps) {
            if (step.records().isEmpty()) {
                continue;
            }
            String name = step.fileLabel() != null ? step.fileLabel() : step.file().getFileName().toString();
            int total = step.records().size();
            Path stateFile = ResumeState.fileFor(reportsDir, step.file(), arguments.source(), step.stateStep());
            ResumeState state;
            try {
                state = new ResumeState(step.format(), arguments.source(), step.file().toString(),
                        ResumeState.sha256(step.file()), 0, total);
            } catch (IOException e) {
                return stop("cannot read " + step.file() + " again: " + e.getMessage(), "nothing more was sent", report);
            }
            int done = 0;
            if (!arguments.dryRun()) {
                Optional<ResumeState> earlier = ResumeState.read(stateFile);
                if (earlier.isPresent() && !arguments.noResume()
                        && earlier.get().matches(state.format(), state.source(), state.sha256())
                        && earlier.get().done() > 0 && earlier.get().done() <= total) {
                    done = earlier.get().done();
                    String resuming = "resuming after " + done + " of " + total + " records"
                            + (step.fileLabel() != null ? " of " + name : "");
                    out.println(resuming);
                    report.add("RESUMED " + name + " after " + done + " of " + total
                            + " records the server confirmed in an earlier run (they are not counted below)");
                }
            }
            List<Batches.Batch> batches = Batches.of(step.records().subList(done, total), arguments.source(),
                    arguments.dryRun(), arguments.batch(), Batches.MAX_BODY_BYTES);
            if (step.fileLabel() != null) {
                out.println((arguments.dryRun() ? "checking " : "importing ") + step.what() + " from " + name);
            }
            Progress progress = new Progress(err, terminal, arguments.dryRun() ? "checked" : "imported", total, done,
                    batches.size(), nanoClock);
            try {
                for (Batches.Batch batch : batches) {
                    position = position(arguments, name, done, total, stateFile);
                    ServerAnswer answer = api.send(step.what(),
                            Batches.body(arguments.source(), arguments.dryRun(), batch.records()));
                    tally.add(answer, step.fileLabel());
                    done += batch.records().size();
                    if (!arguments.dryRun()) {
                        state.withDone(done).write(stateFile);
                    }
                    position = position(arguments, name, done, total, stateFile);
                    progress.advance(done);
                }
                progress.finish();
                if (!arguments.dryRun()) {
                    Files.deleteIfExists(stateFile);
                }
            } catch (ImportStoppedException e) {
                progress.finish();
                return stop(e.getMessage(), resumeHint(arguments, name, done, total), report);
            } catch (IOException e) {
                progress.finish();
                return stop("cannot write the resume state " + stateFile + ": " + e.getMessage(),
                        resumeHint(arguments, name, done, total), report);
            }
        }
        position = null;
        return null;
    }

    private ExitCode stop(String why, String resume, List<String> report) {
        position = null;
        err.println("nanum import: " + why);
        err.println(resume);
        report.add("STOPPED " + why.replace("\n", "; "));
        report.add("STOPPED " + resume);
        return ExitCode.SERVER;
    }

    private static String resumeHint(ImportArguments arguments, String name, int done, int total) {
        if (arguments.dryRun()) {
            return "nothing was written (dry run); run the same command again to check the file";
        }
        return done + " of " + total + " records of " + name + " were imported; run the same command again to "
                + "resume after them (--no-resume starts over; importing again creates no duplicates either way)";
    }

    private static String position(ImportArguments arguments, String name, int done, int total, Path stateFile) {
        return resumeHint(arguments, name, done, total) + (arguments.dryRun() ? "" : " [state: " + stateFile + "]");
    }

    /** The shutdown hook: after Ctrl-C (the JVM then exits with 130), says where the import was and how to resume. */
    private void onInterrupt() {
        String where = position;
        if (!finished && where != null) {
            err.println();
            err.println("nanum import: interrupted; " + where);
        }
    }

    private Path reportFile(ImportArguments arguments) {
        if (arguments.report() != null) {
            return resolve(arguments.report());
        }
        return workDir.resolve(REPORTS_DIR).resolve(arguments.files().getFirst().getFileName() + "-"
                + LocalDateTime.now().format(REPORT_TIME) + ".txt");
    }

    private void writeReport(Path file, List<String> lines) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("nanum import: could not write the report " + file + ": " + e.getMessage());
        }
    }

    private Path resolve(Path path) {
        return workDir.resolve(path).normalize();
    }

    /**
     * The data-import folder: {@code -Dnanum.import.home} (the launcher sets it), else {@code ./}
     * when it has mappings/, else {@code ./data-import}.
     */
    static Path home(Path workDir) {
        String property = System.getProperty("nanum.import.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        if (Files.isDirectory(workDir.resolve("mappings"))) {
            return workDir;
        }
        return workDir.resolve("data-import");
    }

    /** Whether stderr's progress may redraw a line: a terminal ({@code Console.isTerminal()} where Java has it). */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
