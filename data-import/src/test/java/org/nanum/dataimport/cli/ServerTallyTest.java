package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's answers summed, and the report's line for each record that needs a look. */
class ServerTallyTest {

    private static ServerAnswer answer(String json) {
        return ServerAnswer.fromJson(Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void answersAreSummedAndOnlyWhatNeedsALookIsListed() {
        ServerTally tally = new ServerTally();
        tally.add(answer("""
                {"source":"houston","dryRun":false,"created":2,"updated":1,"unchanged":1,"skipped":1,"errors":1,"review":1,
                 "outcomes":[
                  {"externalId":"houston/1","line":2,"outcome":"CREATED","id":"L1","review":false,"field":null,"reason":null},
                  {"externalId":"y","line":9,"outcome":"CREATED","id":"L2","review":true,"field":null,"reason":"no Nanum category"},
                  {"externalId":"houston/3","line":4,"outcome":"UPDATED","id":"L3","review":false},
                  {"externalId":"houston/4","line":5,"outcome":"UNCHANGED","id":"L4","review":false},
                  {"externalId":"x","line":7,"outcome":"SKIPPED","id":"L5","review":false,"reason":"changed in Nanum since the last import"},
                  {"externalId":"houston/42","line":12,"outcome":"ERROR","id":null,"review":false,"field":"title","reason":"at most 120 characters"}
                 ]}"""), null);
        tally.add(answer("""
                {"created":10,"updated":0,"unchanged":300,"skipped":0,"errors":1,"review":3,
                 "outcomes":[{"externalId":"z","line":30,"outcome":"ERROR","reason":"owner unknown"}]}"""), null);

        assertEquals(List.of(
                "REVIEW line 9 \"y\": no Nanum category: held for staff review",
                "SKIPPED line 7 \"x\": changed in Nanum since the last import",
                "ERROR line 12 \"houston/42\", field \"title\": at most 120 characters",
                "ERROR line 30 \"z\": owner unknown"), tally.lines());
        assertEquals("server: 12 created, 1 updated, 301 unchanged, 1 skipped, 2 errors, 4 held for review",
                tally.summary(false));
        assertEquals("server: 12 created, 1 updated, 301 unchanged, 1 skipped, 2 errors, 4 held for review (dry run)",
                tally.summary(true));
        assertEquals(2, tally.errors());
        assertEquals(2, tally.batches());
    }

    @Test
    void recordsWaitingForASecondPersonAreCountedAndListed() {
        ServerTally tally = new ServerTally();
        tally.add(answer("""
                {"created":1,"updated":0,"unchanged":0,"skipped":0,"errors":0,"awaitingApproval":1,"review":0,
                 "outcomes":[
                  {"externalId":"m2","line":3,"outcome":"CREATED","id":"T1","review":false},
                  {"externalId":"m1","line":2,"outcome":"AWAITING_APPROVAL","id":"B1","review":false,
                   "reason":"a household's balance would be 5000 minutes, beyond its floor (-600) or ceiling (4800)"}
                 ]}"""), null);
        assertEquals(List.of("AWAITING_APPROVAL line 2 \"m1\": a household's balance would be 5000 minutes, beyond its "
                + "floor (-600) or ceiling (4800)"), tally.lines());
        assertEquals("server: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 errors, 0 held for review, 1 waiting for a "
                + "second person's approval (GET /api/import/approvals)", tally.summary(false));
    }

    @Test
    void aFileIsNamedWhenTheImportHasSeveral() {
        assertEquals("ERROR transfers.csv line 3 \"t-1\", field \"toMember\": no such member",
                ServerTally.line(new ServerAnswer.Outcome("t-1", 3, "ERROR", null, false, "toMember", "no such member"),
                        "transfers.csv"));
        assertEquals("REVIEW line 4 \"a\": held for staff review",
                ServerTally.line(new ServerAnswer.Outcome("a", 4, "UPDATED", "n", true, null, null), null));
    }

    @Test
    void aSparseAnswerIsReadAsZeros() {
        ServerAnswer answer = answer("{\"created\":1}");

        assertEquals(new ServerAnswer(1, 0, 0, 0, 0, 0, List.of()), answer);
    }
}
