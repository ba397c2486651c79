package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How fresh a stream's data is and how often it should be renewed, as the metrics and readiness read it. */
class PollStatusTest {

    private static final Duration INTERVAL = Duration.ofSeconds(6);

    @Test
    void aPolledStreamIsAsFreshAsItsLastSuccessfulPollAndExpectsItsIntervalPlusThePollsDuration() {
        PollStatus s = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofMillis(800))
                .wait(Duration.ofSeconds(10)).status();
        assertEquals(Duration.ofSeconds(10), s.freshness());
        assertEquals(Duration.ofMillis(6800), s.refreshCycle());
        assertTrue(s.refreshedSinceStart());
        assertFalse(s.scanned());
    }

    @Test
    void aScanIsAsOldAsTheStartOfItsLastCompleteCycle() {
        PollStatus s = PollStatusDriver.scanned().consumerStarted(INTERVAL)
                .cycleStarted().wait(Duration.ofSeconds(100)).cycleCompleted()
                .wait(INTERVAL).cycleStarted().wait(Duration.ofSeconds(50)).status();
        assertEquals(Duration.ofSeconds(156), s.freshness(), "the pages not yet read again are those of the last cycle");
        assertEquals(Duration.ofSeconds(100), s.lastCycle());
        assertEquals(Duration.ofSeconds(100), StreamMetrics.scanCycle(s), "the exported cycle is the last complete one");
    }

    @Test
    void aFirstSyncAtFullSpeedIsFreshButNotTheScanCycle() {
        PollStatus s = PollStatusDriver.scanned().consumerStarted(INTERVAL)
                .cycleStarted().wait(Duration.ofSeconds(80)).unpacedCycleCompleted()
                .wait(INTERVAL).cycleStarted().expectedCycle(Duration.ofMinutes(71)).wait(Duration.ofSeconds(50)).status();
        assertEquals(Duration.ofSeconds(136), s.freshness(), "the first sync's pages are the oldest in Kafka");
        assertNull(s.lastCycle());
        assertEquals(Duration.ofMinutes(71), StreamMetrics.scanCycle(s), "the paced cycle expected, not the 80 s first sync");
    }

    @Test
    void aScansExpectedCycleIsUnknownUntilItsFirstPageGaveTheStoresSize() {
        PollStatusDriver scan = PollStatusDriver.scanned().consumerStarted(INTERVAL).cycleStarted();
        assertNull(scan.status().refreshCycle());
        assertNull(StreamMetrics.scanCycle(scan.status()));
        scan.expectedCycle(Duration.ofMinutes(28));
        assertEquals(Duration.ofMinutes(28).plus(INTERVAL), scan.status().refreshCycle(), "the pause between cycles counts");
        assertEquals(Duration.ofMinutes(28), StreamMetrics.scanCycle(scan.status()), "before a complete cycle, the expected one");
    }

    @Test
    void aPollStillRunningLengthensTheExpectedCycleInsteadOfMakingTheStreamStale() {
        PollStatus s = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1)).wait(INTERVAL)
                .pollStarted().wait(Duration.ofSeconds(30)).status();
        assertEquals(INTERVAL.plusSeconds(30), s.refreshCycle());
    }

    @Test
    void aPolledStreamHasNoExpectedCycleBeforeItsFirstPollEnded() {
        PollStatusDriver first = PollStatusDriver.polled().consumerStarted(INTERVAL).pollStarted();
        assertNull(first.status().refreshCycle());
        first.wait(Duration.ofSeconds(1)).status().failed("could not connect");
        assertEquals(INTERVAL.plusSeconds(1), first.status().refreshCycle());
        assertFalse(first.status().refreshedSinceStart(), "a failed poll refreshes nothing");
    }

    @Test
    void aSlowFailedPollLengthensTheExpectedCycleLikeASlowSuccessfulOne() {
        PollStatus s = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1)).wait(INTERVAL)
                .failedPoll(Duration.ofSeconds(20)).status();
        assertEquals(INTERVAL.plusSeconds(20), s.refreshCycle(), "retries that took 20 s: the failed-poll check's business");
    }

    @Test
    void freshnessIsCountedFromTheConsumersLatestStartAtMost() {
        PollStatusDriver replica = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1))
                .consumerStopped().wait(Duration.ofHours(1));
        assertFalse(replica.status().running(), "a replica standing by does not run the stream");
        replica.consumerStarted(INTERVAL).wait(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), replica.status().freshness(),
                "taking the lease back, it knows only what it did since: the other replica kept the topic fresh");
        assertFalse(replica.status().refreshedSinceStart(), "its first sync since the start has not ended");
    }

    @Test
    void aTimestampedStreamReportingSweepCyclesIsStillJudgedByItsPolls() {
        PollStatus s = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1))
                .cycleStarted().wait(Duration.ofMinutes(5)).cycleCompleted().wait(Duration.ofSeconds(3)).status();
        assertFalse(s.scanned());
        assertEquals(Duration.ofSeconds(303), s.freshness());
        assertNull(StreamMetrics.scanCycle(s), "no scan cycle is exported for a timestamped stream");
    }
}
