package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.nanum.platform.rest.Problem;
import org.nanum.platform.rest.UnexpectedExceptionMapper;
import org.nanum.platform.rest.WebApplicationExceptionMapper;

/** The mappers' answers, without a server: status, problem type, headers, and what is logged. */
class ExceptionMappersTest {
    private static List<LogRecord> capture(Runnable action) {
        Logger logger = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    @Test
    void a_bug_is_a_500_whose_incident_id_is_in_the_body_and_the_log() {
        Response[] response = new Response[1];
        IllegalStateException bug = new IllegalStateException("invariant broken");
        List<LogRecord> log = capture(() -> response[0] = new UnexpectedExceptionMapper().toResponse(bug));

        assertEquals(500, response[0].getStatus());
        assertEquals(Problem.MEDIA_TYPE, response[0].getMediaType().toString());
        Problem problem = (Problem) response[0].getEntity();
        assertEquals("urn:nanum:problem:internal-error", problem.type());
        assertNotNull(problem.incident());
        assertTrue(problem.detail().contains(problem.incident()));
        assertEquals(1, log.size());
        assertTrue(log.get(0).getMessage().contains(problem.incident()), log.get(0).getMessage());
        assertEquals(bug, log.get(0).getThrown(), "the stack trace is logged with the incident");
    }

    @Test
    void a_lost_database_is_a_503_with_retry_after_and_no_incident() {
        Response r = new UnexpectedExceptionMapper().toResponse(
                new PersistenceException(new SQLException("Connection refused", "08001")));
        assertEquals(503, r.getStatus());
        assertEquals("30", r.getHeaderString("Retry-After"));
        Problem problem = (Problem) r.getEntity();
        assertEquals("urn:nanum:problem:service-unavailable", problem.type());
        assertNull(problem.incident());
    }

    @Test
    void a_duplicate_is_a_409() {
        Response r = new UnexpectedExceptionMapper().toResponse(
                new PersistenceException(new SQLException("duplicate key", "23505")));
        assertEquals(409, r.getStatus());
        assertEquals("urn:nanum:problem:conflict", ((Problem) r.getEntity()).type());
    }

    @Test
    void jax_rs_errors_keep_their_status_as_problems() {
        Response r = new WebApplicationExceptionMapper().toResponse(new NotFoundException());
        assertEquals(404, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals("urn:nanum:problem:not-found", ((Problem) r.getEntity()).type());
    }
}
