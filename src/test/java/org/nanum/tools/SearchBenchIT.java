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
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.TestEnvironment;

/**
 * {@code ./nanum bench search} on a small city, in every {@code ./nanum test}, so the benchmark
 * cannot rot. Nothing here is timed: it checks that every part ran on the same data and answered
 * every query. The figures are written to target/bench-it/search.md for a look.
 */
@ExtendWith(ArquillianExtension.class)
class SearchBenchIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void the_search_benchmark_runs_on_a_small_city() throws Exception {
        GenerateCity.generate(TestEnvironment.jdbcUrl(), TestEnvironment.dbUser(), TestEnvironment.dbPassword(), 3000, 11);
        Path work = Path.of("target/bench-it");
        Files.createDirectories(work);

        SearchBench.Report r = SearchBench.run(new SearchBench.Settings(NanumDeployment.baseUrl(),
                TestEnvironment.jdbcUrl(), TestEnvironment.dbUser(), TestEnvironment.dbPassword(),
                Keycloak.newPerson("admin").token(), 200, 40, 1, 8, 11, work));
        Files.writeString(work.resolve("search.md"), r.markdown());

        // The server's rebuild and the baselines worked on the same rows: every published listing.
        long published = Database.count("select count(*) from listing where status = 'PUBLISHED'");
        assertEquals(published, r.listings());
        assertEquals(published, r.indexedByServer());
        assertTrue(r.rebuildMillis() > 0 && r.rawIndexMillis() > 0 && r.postgresIndexMillis() > 0);
        // Every system answered every measured query, and the queries are ones the data supports.
        for (SearchBench.Latency l : java.util.List.of(r.http(), r.lucene(), r.postgres())) {
            assertEquals(200, l.requests(), l.system());
            assertTrue(l.answersWithResults() >= 190, l.system() + " found something for only "
                    + l.answersWithResults() + " of 200 queries");
            assertTrue(l.p50Ms() > 0 && l.p99Ms() >= l.p50Ms(), l.system());
        }
        // The catalogue's query is plain Lucene's plus typo tolerance and synonyms: it never finds less.
        for (int i = 0; i < 200; i++) {
            assertTrue(r.http().totals()[i] >= r.lucene().totals()[i], "query " + r.queries().get(i) + ": HTTP found "
                    + r.http().totals()[i] + ", raw Lucene " + r.lucene().totals()[i]);
        }
        // The benchmark table PostgreSQL was given is gone.
        assertEquals(0, Database.count("select count(*) from information_schema.tables where table_name = 'bench_listing_fts'"));
        String md = r.markdown();
        assertTrue(md.contains("Nanum over HTTP") && md.contains("raw Lucene") && md.contains("PostgreSQL FTS")
                && md.contains("HTTP p99 ≤ 3 × raw Lucene p99"), md);
    }
}
