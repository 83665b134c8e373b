package org.nanum.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.TestEnvironment;

/**
 * {@code ./nanum bench ledger} in small, in every {@code ./nanum test}, so it cannot rot. Not
 * timed: it checks that both paths ran every transfer and that the books check out afterwards.
 * Figures in target/bench-it/ledger.md.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerBenchIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void the_ledger_benchmark_runs_small_and_the_books_still_balance() throws Exception {
        LedgerBench.Report r = LedgerBench.run(new LedgerBench.Settings(NanumDeployment.baseUrl(), NanumDeployment::as,
                TestEnvironment.jdbcUrl(), TestEnvironment.dbUser(), TestEnvironment.dbPassword(), 6, 4, 200, 50, 1, 7));
        Path work = Path.of("target/bench-it");
        Files.createDirectories(work);
        Files.writeString(work.resolve("ledger.md"), r.markdown());
        assertEquals(200, r.bestRaw().requests());
        assertEquals(200, r.bestHttp().requests());
        assertEquals(200, r.bestFloor().requests());
        assertTrue(r.verified(), "the chain verifies after both paths wrote to it");
        assertEquals(0, r.sumOfBalances());
        assertTrue(r.markdown().contains("HTTP throughput ≥ 50 % of the raw JDBC baseline's"));
    }
}
