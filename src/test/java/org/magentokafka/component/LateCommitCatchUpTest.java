package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Where incremental windows start: the slack on steady polls, a catch-up every two overlaps. */
class LateCommitCatchUpTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LateCommitCatchUp catchUp = new LateCommitCatchUp(Duration.ofSeconds(60), Duration.ofSeconds(2), nanos::get);

    @Test
    void theFirstPollAfterAStartCatchesUpOverThreeOverlaps() {
        assertEquals("2026-12-07 09:57:00", catchUp.lowerBound("default", "2026-12-07 10:00:00"));
        assertTrue(catchUp.catchingUp("default"));
    }

    @Test
    void steadyPollsReadFromTheWatermarkMinusTheSlackAndEveryTwoOverlapsACatchUpFromThePreviousOne() {
        catchUp.lowerBound("default", "2026-12-07 10:00:00");
        catchUp.read("default");
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals("2026-12-07 10:00:04", catchUp.lowerBound("default", "2026-12-07 10:00:06"));
        assertFalse(catchUp.catchingUp("default"));
        catchUp.read("default");
        nanos.addAndGet(Duration.ofSeconds(114).toNanos());
        // Two overlaps after the last catch-up: from its watermark minus the overlap, whatever the watermark is now.
        assertEquals("2026-12-07 09:59:00", catchUp.lowerBound("default", "2026-12-07 10:02:00"));
        assertTrue(catchUp.catchingUp("default"));
    }

    @Test
    void aCatchUpThatDidNotCompleteIsMadeAgain() {
        catchUp.lowerBound("default", "2026-12-07 10:00:00");
        catchUp.read("default");
        nanos.addAndGet(Duration.ofSeconds(120).toNanos());
        assertEquals("2026-12-07 09:59:00", catchUp.lowerBound("default", "2026-12-07 10:02:00"));
        // The poll failed: no read(). The next poll is the catch-up again.
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals("2026-12-07 09:59:00", catchUp.lowerBound("default", "2026-12-07 10:02:00"));
        catchUp.read("default");
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals("2026-12-07 10:01:58", catchUp.lowerBound("default", "2026-12-07 10:02:00"));
    }

    @Test
    void storeViewsKeepTheirOwnSchedule() {
        catchUp.lowerBound("default", "2026-12-07 10:00:00");
        catchUp.read("default");
        assertEquals("2026-12-07 09:57:00", catchUp.lowerBound("fr", "2026-12-07 10:00:00"));
        assertEquals("2026-12-07 09:59:58", catchUp.lowerBound("default", "2026-12-07 10:00:00"));
    }
}
