package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.magentokafka.testing.MutableClock;

/** Where incremental windows start: the slack on steady polls, and each window read again one overlap later. */
class LateCommitCatchUpTest {

    private final AtomicLong nanos = new AtomicLong();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:05Z"));
    private final LateCommitCatchUp catchUp = new LateCommitCatchUp(Duration.ofSeconds(60), Duration.ofSeconds(2), nanos::get, clock);

    @Test
    void theFirstPollAfterAStartReadsFromOneOverlapBeforeTheWatermark() {
        assertEquals("2026-12-07 09:59:00", catchUp.lowerBound("default", "2026-12-07 10:00:00"));
        assertNull(catchUp.due("default"), "nothing was read yet");
    }

    @Test
    void afterAFullPassTheFirstWindowStartsOneOverlapBeforeThatPassBeganNotBeforeAnOldWatermark() {
        // An import's last minute, long ago: the full pass that began at 10:00:05 read all of it.
        catchUp.fullPassRead("default", Instant.parse("2026-12-07T10:00:05Z"));
        assertEquals("2026-12-07 09:59:05", catchUp.lowerBound("default", "2024-06-13 13:18:05"),
                "rows dated an overlap before the pass began were visible to it");
        assertEquals("2026-12-07 09:58:00", new LateCommitCatchUp(Duration.ofSeconds(60), Duration.ofSeconds(2), nanos::get, clock)
                .lowerBound("default", "2026-12-07 09:59:00"), "without a full pass here, one overlap before the watermark");
        catchUp.fullPassRead("default", Instant.parse("2026-12-07T10:00:05Z"));
        assertEquals("2026-12-07 09:59:30", catchUp.lowerBound("default", "2026-12-07 10:00:30"),
                "a watermark of edits made during the pass: one overlap before it, as after any start");
        catchUp.read("default", pos("2026-12-07 09:59:05"), "2026-12-07 10:00:09",
                new LateCommitCatchUp.Position("2026-12-07 10:00:09", 7L), Instant.parse("2026-12-07T10:00:30Z"), null, null);
        assertEquals(new LateCommitCatchUp.Position("2026-12-07 10:00:09", 7L), catchUp.start("default", "2026-12-07 10:00:09"),
                "then steady windows go on from the last row");
    }

    @Test
    void anEmptyFirstWindowAfterAFullPassLeavesTheNextWhereItStartedNotInTheImportsLastSeconds() {
        catchUp.fullPassRead("default", Instant.parse("2026-12-07T10:00:05Z"));
        LateCommitCatchUp.Position first = catchUp.start("default", "2024-06-13 13:18:05");
        clock.advance(Duration.ofSeconds(15));
        // An idle store: the window found nothing, and the watermark is still the import's.
        catchUp.read("default", first, null, null, null, null, Instant.parse("2026-12-07T10:00:20Z"));
        clock.advance(Duration.ofSeconds(6));

        assertEquals("2026-12-07 09:59:20", catchUp.lowerBound("default", "2024-06-13 13:18:05"),
                "where the idle window started (its rows dated before 09:59:20 were visible then), not the watermark's"
                + " slack, which lies in the import's thousands of rows");
    }

    @Test
    void eachWindowIsReadAgainOneOverlapLaterAndOnlyOnce() {
        String from = catchUp.lowerBound("default", "2026-12-07 10:00:00");
        catchUp.read("default", pos(from), "2026-12-07 10:00:05", new LateCommitCatchUp.Position("2026-12-07 10:00:05", 7L), null, null, null);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals("2026-12-07 10:00:03", catchUp.lowerBound("default", "2026-12-07 10:00:05"),
                "the last row's second was being written when it was read: the slack before it");
        assertNull(catchUp.due("default"), "not an overlap old yet");
        catchUp.read("default", pos("2026-12-07 10:00:03"), "2026-12-07 10:00:11", null, null, null, null);

        nanos.addAndGet(Duration.ofSeconds(54).toNanos());
        LateCommitCatchUp.Window again = catchUp.due("default");
        assertEquals(new LateCommitCatchUp.Window("2026-12-07 09:59:00", "2026-12-07 10:00:05"), again,
                "the first poll's window, one overlap after it was read");
        catchUp.read("default", pos("2026-12-07 10:00:50"), "2026-12-07 10:00:58", null, null, again, null);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(new LateCommitCatchUp.Window("2026-12-07 10:00:03", "2026-12-07 10:00:11"), catchUp.due("default"),
                "then the second's, the first is done");
    }

    @Test
    void aPollThatFailedLeavesItsWindowsDue() {
        catchUp.read("default", pos("2026-12-07 09:59:00"), "2026-12-07 10:00:05", null, null, null, null);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        LateCommitCatchUp.Window again = catchUp.due("default");
        // No read(): the poll failed. The window is still due.
        assertEquals(again, catchUp.due("default"));
    }

    @Test
    void aSettledSecondIsNeverReadAgainBySteadyPolls() {
        catchUp.read("default", pos("2026-12-07 09:59:00"), "2026-12-07 09:30:00",
                new LateCommitCatchUp.Position("2026-12-07 09:30:00", 4711L), null, null, null);
        assertEquals(new LateCommitCatchUp.Position("2026-12-07 09:30:00", 4711L), catchUp.start("default", "2026-12-07 09:30:00"),
                "an import's second of half an hour ago: right after its last row");
        clock.advance(Duration.ofSeconds(6));
        // Read again (the same last row): it stays settled.
        catchUp.read("default", pos("2026-12-07 09:30:00"), null, new LateCommitCatchUp.Position("2026-12-07 09:30:00", 4711L), null, null, null);
        assertEquals(new LateCommitCatchUp.Position("2026-12-07 09:30:00", 4711L), catchUp.start("default", "2026-12-07 09:30:00"));
    }

    @Test
    void aRecentSecondSettlesAsTimePasses() {
        catchUp.read("default", pos("2026-12-07 09:59:00"), "2026-12-07 10:00:05",
                new LateCommitCatchUp.Position("2026-12-07 10:00:05", 9L), null, null, null);
        assertEquals(new LateCommitCatchUp.Position("2026-12-07 10:00:03", null), catchUp.start("default", "2026-12-07 10:00:05"));
        clock.advance(Duration.ofSeconds(6));
        catchUp.read("default", pos("2026-12-07 10:00:03"), null, new LateCommitCatchUp.Position("2026-12-07 10:00:05", 9L), null, null, null);
        assertEquals(new LateCommitCatchUp.Position("2026-12-07 10:00:05", 9L), catchUp.start("default", "2026-12-07 10:00:05"),
                "read again later than the slack after it: every row of that second is in");
    }

    @Test
    void aWindowThatStartedRightAfterARowIsReadAgainFromThere() {
        catchUp.read("default", new LateCommitCatchUp.Position("2026-12-07 09:30:00", 4711L), "2026-12-07 10:00:05", null, null, null, null);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertEquals(new LateCommitCatchUp.Window("2026-12-07 09:30:00", 4711L, "2026-12-07 10:00:05"), catchUp.due("default"),
                "not the whole of an import's second again");
    }

    @Test
    void whatWasOlderThanOneOverlapWhenFirstReadIsNotReadAgain() {
        // The first window after a start reached back to an import's second of half an hour ago.
        catchUp.read("default", new LateCommitCatchUp.Position("2026-12-07 09:30:00", null), "2026-12-07 10:00:05", null, null,
                null, Instant.parse("2026-12-07T10:00:05Z"));
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertEquals(new LateCommitCatchUp.Window("2026-12-07 09:59:05", "2026-12-07 10:00:05"), catchUp.due("default"));
    }

    private static LateCommitCatchUp.Position pos(String second) {
        return new LateCommitCatchUp.Position(second, null);
    }

    @Test
    void anIdlePollLeavesNothingToReadAgain() {
        catchUp.read("default", pos("2026-12-07 09:59:58"), null, null, null, null, null);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertNull(catchUp.due("default"), "the next steady window reads the same rows anyway");
        assertEquals("2026-12-07 09:59:58", catchUp.lowerBound("default", "2026-12-07 10:00:00"), "a steady window");
    }
}
