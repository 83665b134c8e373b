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

/**
 * {@code ./nanum bench booking} in small, in every {@code ./nanum test}, so it cannot rot. Not
 * timed: it checks that every part ran, that each race had exactly one winner and that every
 * mixed request was answered as booked or taken. Figures in target/bench-it/booking.md.
 */
@ExtendWith(ArquillianExtension.class)
class BookingBenchIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void the_booking_benchmark_runs_small() throws Exception {
        BookingBench.Report r = BookingBench.run(new BookingBench.Settings(NanumDeployment.baseUrl(), NanumDeployment::as,
                3, 8, 20, 24, 2, 4, 80, 7));
        Path work = Path.of("target/bench-it");
        Files.createDirectories(work);
        Files.writeString(work.resolve("booking.md"), r.markdown());

        assertEquals(20, r.uncontended().requests());
        assertEquals(24, r.burst().requests());
        assertEquals(48, r.race().requests());
        assertEquals(2, r.raceWinners(), "one winner per round");
        assertEquals(46, r.raceRefusals());
        assertEquals(80, r.mixed().requests());
        assertEquals(80, r.mixedBooked() + r.mixedTaken());
        assertEquals(r.mixedBooked(), r.mixedCancelled());
        assertTrue(r.mixedBooked() > 0);
        assertTrue(r.markdown().contains("race p99 ≤ 10 × one uncontended booking"));
    }
}
