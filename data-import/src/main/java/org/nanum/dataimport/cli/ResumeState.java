package org.nanum.dataimport.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How far an import got, written after each batch the server confirmed, so that running the same
 * command again after a stop (a lost connection, Ctrl-C) starts after the records already done
 * instead of sending 30,000 records again. It applies only to the same format, source and file
 * content (by its SHA-256): a file exported again is imported from its start. Importing again is
 * harmless anyway (the server knows records by source and external id); the state only saves time.
 *
 * @param format the format, or the step of a TimeOverflow import ({@code timeoverflow-balances})
 * @param total  how many records the step has, for the person reading the file
 */
public record ResumeState(String format, String source, String file, String sha256, int done, int total) {

    /** {@code import-reports/<file-basename>.<source>.state.json}, with the step for a balances step. */
    public static Path fileFor(Path reportsDir, Path importedFile, String source, String step) {
        String name = importedFile.getFileName() + "." + safe(source) + (step == null ? "" : "." + step) + ".state.json";
        return reportsDir.resolve(name);
    }

    /** Whether this state was written by an import of the same records: same format, source and file content. */
    public boolean matches(String format, String source, String sha256) {
        return this.format.equals(format) && this.source.equals(source) && this.sha256.equals(sha256);
    }

    public ResumeState withDone(int done) {
        return new ResumeState(format, source, file, sha256, done, total);
    }

    public String toJson() {
        return Json.createObjectBuilder().add("format", format).add("source", source).add("file", file)
                .add("sha256", sha256).add("done", done).add("total", total).build().toString();
    }

    /** Written to a temporary file and moved into place, so that a crash never leaves half a state. */
    public void write(Path stateFile) throws IOException {
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.writeString(temporary, toJson() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The state in the file; empty when there is none or it cannot be read (then the import starts over). */
    public static Optional<ResumeState> read(Path stateFile) {
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(stateFile, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            return Optional.of(new ResumeState(json.getString("format"), json.getString("source"),
                    json.getString("file", ""), json.getString("sha256"), json.getInt("done"), json.getInt("total", 0)));
        } catch (IOException | JsonException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 of a file's content, in hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String safe(String source) {
        return source.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }
}
