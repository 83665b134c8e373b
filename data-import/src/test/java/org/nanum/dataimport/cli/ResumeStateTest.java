package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resume state: written and read back, and used only for the same format, source and file content. */
class ResumeStateTest {

    @TempDir
    Path dir;

    @Test
    void aStateIsReadBackAsWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("items.json"), "[]");
        ResumeState state = new ResumeState("library-json", "houston", file.toString(), ResumeState.sha256(file), 400, 1200);
        Path stateFile = ResumeState.fileFor(dir.resolve("import-reports"), file, "houston", null);

        state.write(stateFile);

        assertEquals(dir.resolve("import-reports/items.json.houston.state.json"), stateFile);
        assertEquals(Optional.of(state), ResumeState.read(stateFile));
        state.withDone(600).write(stateFile);
        assertEquals(600, ResumeState.read(stateFile).orElseThrow().done());
    }

    @Test
    void onlyTheSameFormatSourceAndContentResume() throws IOException {
        Path file = Files.writeString(dir.resolve("items.json"), "[]");
        String hash = ResumeState.sha256(file);
        ResumeState state = new ResumeState("library-json", "houston", file.toString(), hash, 400, 1200);

        assertTrue(state.matches("library-json", "houston", hash));
        assertFalse(state.matches("library-json", "houston", ResumeState.sha256(Files.writeString(file, "[ ]"))),
                "a file exported again starts over");
        assertFalse(state.matches("library-json", "austin", hash));
        assertFalse(state.matches("listings-csv", "houston", hash));
    }

    @Test
    void theHashIsTheFilesSha256() throws IOException {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ResumeState.sha256(file));
    }

    @Test
    void aMissingOrBrokenStateIsNoState() throws IOException {
        assertEquals(Optional.empty(), ResumeState.read(dir.resolve("none.state.json")));
        assertEquals(Optional.empty(), ResumeState.read(Files.writeString(dir.resolve("broken.state.json"), "{\"format\":")));
        assertEquals(Optional.empty(), ResumeState.read(Files.writeString(dir.resolve("other.state.json"), "{\"a\":1}")));
    }

    @Test
    void aBalancesStepHasAStateOfItsOwn() {
        assertEquals(dir.resolve("members.csv.time_bank.balances.state.json"),
                ResumeState.fileFor(dir, Path.of("x/members.csv"), "time bank", "balances"));
    }
}
