package org.nanum.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.TestEnvironment;

/**
 * {@code ./nanum bench report} in small, in every {@code ./nanum test}, so it cannot rot. Not
 * timed: it checks that both paths ran, that the hand-written SQL runs on the schema as it is, and
 * that the report's digest did not change between rounds. Figures in target/bench-it/report.md.
 */
@ExtendWith(ArquillianExtension.class)
class ReportBenchIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void the_report_benchmark_runs_small_and_the_digest_holds() throws Exception {
        ReportBench.Report r = ReportBench.run(new ReportBench.Settings(NanumDeployment::as, TestEnvironment.jdbcUrl(),
                TestEnvironment.dbUser(), TestEnvironment.dbPassword(), YearMonth.now(ZoneId.of("Asia/Seoul")).minusMonths(4),
                2));
        Path work = Path.of("target/bench-it");
        Files.createDirectories(work);
        Files.writeString(work.resolve("report.md"), r.markdown());
        assertEquals(2, r.reportNanos().length);
        assertEquals(2, r.sqlNanos().length);
        assertEquals(64, r.digest().length());
        assertTrue(r.markdown().contains("report ≤ 2 × the hand-written SQL"));
    }
}
