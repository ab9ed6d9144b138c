package io.walletrecon.reports;

import io.walletrecon.reports.exports.ExportRepository;
import io.walletrecon.reports.exports.ExportState;
import io.walletrecon.reports.exports.ExportStateMachine;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export's state moves only as {@link ExportStateMachine} allows, through its repository's conditional updates. */
@QuarkusTest
class ExportRepositoryTest {

    @Inject
    ExportRepository exports;

    private static UUID stored(ExportState state) {
        UUID id = UUID.randomUUID();
        TestDb.update(
                "insert into report_exports (id, report, format, parameters, requested_by, state) values (?, 'differences', 'csv', '{}', 'test', ?)",
                id, state.code());
        return id;
    }

    private ExportState stateOf(UUID id) {
        return exports.find(id).await().atMost(Duration.ofSeconds(30)).orElseThrow().state();
    }

    @Test
    void aJobDeliveredTwiceIsClaimedOnce() {
        UUID id = stored(ExportState.QUEUED);

        assertTrue(exports.claim(id).isPresent());
        assertTrue(exports.claim(id).isEmpty());
        assertEquals(ExportState.RUNNING, stateOf(id));
    }

    @Test
    void aFinishedExportNeverTurnsIntoAFailure() {
        UUID id = stored(ExportState.SUCCEEDED);

        exports.fail(id, "late error").await().atMost(Duration.ofSeconds(30));

        assertEquals(ExportState.SUCCEEDED, stateOf(id));
    }

    @Test
    void aRunningExportFailsWithItsError() {
        UUID id = stored(ExportState.RUNNING);

        exports.fail(id, "the disk is full").await().atMost(Duration.ofSeconds(30));

        var failed = exports.find(id).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        assertEquals(ExportState.FAILED, failed.state());
        assertEquals("the disk is full", failed.error());
    }

    @Test
    void onlyAQueuedExportFailsForWantOfAnExecutor() {
        UUID running = stored(ExportState.RUNNING);

        exports.failQueued(running, "could not be started").await().atMost(Duration.ofSeconds(30));

        assertEquals(ExportState.RUNNING, stateOf(running));
    }
}
