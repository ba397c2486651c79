package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.magentokafka.consumer.PollStatusDriver;

/** When readiness calls a stream stale: older than magento.health.max-freshness-cycles of its expected cycles. */
class FreshnessVerdictTest {

    private static final Duration INTERVAL = Duration.ofSeconds(6);

    @Test
    void readinessTurnsDownWhenAStreamIsStalerThanItsExpectedCycles() {
        PollStatusDriver products = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofMillis(50));
        products.wait(Duration.ofMillis(18_150));
        assertNull(FreshnessVerdict.problem("products", products.status(), 3), "exactly 3 cycles of 6.05 s is still fine");
        products.wait(Duration.ofSeconds(29));
        assertEquals("products: last successful poll 47 s ago, over 3 expected cycles of 7 s"
                     + " (magento.health.max-freshness-cycles=3)", FreshnessVerdict.problem("products", products.status(), 3));
    }

    @Test
    void aStreamWhosePollsFailGrowsStaleEvenBeforeTheFailedPollLimit() {
        PollStatusDriver categories = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1))
                .wait(INTERVAL).failedPoll(Duration.ofSeconds(1)).wait(Duration.ofSeconds(12)).failedPoll(Duration.ofSeconds(1));
        assertEquals("categories: last successful poll 20 s ago, over 2 expected cycles of 7 s"
                     + " (magento.health.max-freshness-cycles=2)", FreshnessVerdict.problem("categories", categories.status(), 2));
    }

    @Test
    void standbyReplicaStaysReady() {
        PollStatusDriver neverLed = PollStatusDriver.polled().wait(Duration.ofHours(2));
        assertNull(FreshnessVerdict.problem("products", neverLed.status(), 1));
        PollStatusDriver ledBefore = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1))
                .consumerStopped().wait(Duration.ofHours(2));
        assertNull(FreshnessVerdict.problem("products", ledBefore.status(), 1), "a stream that does not run here is not judged");
    }

    @Test
    void aStreamInItsFirstSyncIsNotJudged() {
        PollStatusDriver firstSync = PollStatusDriver.polled().consumerStarted(INTERVAL).pollStarted().wait(Duration.ofMinutes(10));
        assertNull(FreshnessVerdict.problem("products", firstSync.status(), 1), "that is magento.health.stale-after's job");
        PollStatusDriver relead = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofSeconds(1))
                .consumerStopped().wait(Duration.ofHours(1)).consumerStarted(INTERVAL).pollStarted().wait(Duration.ofMinutes(2));
        assertNull(FreshnessVerdict.problem("products", relead.status(), 1), "a replica taking the lease back starts a first sync");
    }

    @Test
    void aLongPollIsNotStale() {
        PollStatusDriver burst = PollStatusDriver.polled().consumerStarted(INTERVAL).poll(Duration.ofMillis(50)).wait(INTERVAL)
                .pollStarted().wait(Duration.ofMinutes(3));
        assertNull(FreshnessVerdict.problem("products", burst.status(), 3), "a thousand changes take their time");
    }

    @Test
    void aScanIsJudgedAgainstItsExpectedCycleOnceItsFirstPageGaveTheSize() {
        PollStatusDriver sourceItems = PollStatusDriver.scanned().consumerStarted(INTERVAL)
                .cycleStarted().wait(Duration.ofSeconds(1)).cycleCompleted().wait(INTERVAL).cycleStarted()
                .wait(Duration.ofHours(3));
        assertNull(FreshnessVerdict.problem("source-items", sourceItems.status(), 3), "no expected cycle: no verdict");
        sourceItems.expectedCycle(Duration.ofSeconds(1714));
        assertEquals("source-items: oldest page read 10807 s ago, over 3 expected cycles of 1720 s"
                     + " (magento.health.max-freshness-cycles=3)", FreshnessVerdict.problem("source-items", sourceItems.status(), 3));
    }

    @Test
    void aScanWithinItsExpectedCyclesIsFine() {
        PollStatusDriver attributes = PollStatusDriver.scanned().consumerStarted(INTERVAL).expectedCycle(Duration.ofMinutes(10))
                .cycleStarted().wait(Duration.ofMinutes(11)).cycleCompleted().wait(INTERVAL).cycleStarted().wait(Duration.ofMinutes(12));
        assertNull(FreshnessVerdict.problem("product-attributes", attributes.status(), 3),
                "a scan's oldest page is up to two cycles old just before a cycle ends");
    }
}
