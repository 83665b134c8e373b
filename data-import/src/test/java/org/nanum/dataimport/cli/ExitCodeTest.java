package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The exit codes scripts rely on, and which an import that ran to its end gets. */
class ExitCodeTest {

    @Test
    void theCodesAreTheDocumentedOnes() {
        assertEquals(0, ExitCode.OK.status());
        assertEquals(1, ExitCode.ROW_ERRORS.status());
        assertEquals(2, ExitCode.USAGE.status());
        assertEquals(3, ExitCode.SERVER.status());
        assertEquals(130, ExitCode.INTERRUPTED.status());
    }

    @Test
    void rowErrorsOnEitherSideMakeOne() {
        assertEquals(ExitCode.OK, ExitCode.afterImport(0, 0));
        assertEquals(ExitCode.ROW_ERRORS, ExitCode.afterImport(1, 0));
        assertEquals(ExitCode.ROW_ERRORS, ExitCode.afterImport(0, 2));
    }
}
