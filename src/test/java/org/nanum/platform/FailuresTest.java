package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.nanum.platform.rest.Failures;
import org.nanum.platform.rest.Failures.Kind;

class FailuresTest {
    private static Throwable wrapped(Throwable cause) {
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new PersistenceException("eclipselink", cause));
        return new TransactionalException("commit failed", rollback);
    }

    @Test
    void a_database_that_cannot_be_reached_is_unavailable_not_a_bug() {
        assertEquals(Kind.DATABASE_UNAVAILABLE, Failures.classify(wrapped(new SQLException("refused", "08001"))));
        assertEquals(Kind.DATABASE_UNAVAILABLE, Failures.classify(wrapped(new SQLException("admin shutdown", "57P01"))));
        assertEquals(Kind.DATABASE_UNAVAILABLE, Failures.classify(new PersistenceException(
                new SQLTransientConnectionException("pool timed out"))));
    }

    @Test
    void a_unique_violation_is_a_duplicate_and_a_lost_race_a_concurrent_update() {
        assertEquals(Kind.DUPLICATE, Failures.classify(wrapped(new SQLException("dup", "23505"))));
        assertEquals(Kind.CONCURRENT_UPDATE, Failures.classify(wrapped(new SQLException("serialization", "40001"))));
        assertEquals(Kind.CONCURRENT_UPDATE, Failures.classify(new OptimisticLockException("stale")));
    }

    @Test
    void unreadable_json_is_malformed_input() {
        assertEquals(Kind.MALFORMED_BODY, Failures.classify(new RuntimeException(new JsonbException("bad"))));
    }

    @Test
    void everything_else_is_a_bug() {
        assertEquals(Kind.BUG, Failures.classify(new NullPointerException()));
        assertEquals(Kind.BUG, Failures.classify(wrapped(new SQLException("syntax", "42601"))));
        assertEquals(Kind.BUG, Failures.classify(new SQLException("no state")));
    }

    @Test
    void the_root_cause_is_named_without_its_message() {
        assertEquals("java.sql.SQLException [08001]",
                Failures.rootCause(wrapped(new SQLException("password=secret", "08001"))));
    }

    @Test
    void a_cycle_of_causes_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(Kind.BUG, Failures.classify(a));
    }
}
