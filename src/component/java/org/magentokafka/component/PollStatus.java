package org.magentokafka.component;

import java.time.Duration;
import java.time.Instant;

/**
 * How a stream's polling goes, for health checks and metrics: when the last poll succeeded, whether one is running
 * (a hanging poll keeps Camel's own consumer check UP), how many failed in a row and why the last one failed.
 */
public final class PollStatus {

    private final Instant created = Instant.now();
    private volatile Instant lastSuccess;
    private volatile Instant pollStarted;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile int pagesDone;
    private volatile int pagesTotal;
    // Scans (streams read as whole snapshots, paced by the store's scan budget) and the reconcile sweep.
    private volatile Instant cycleStarted;
    private volatile Instant lastCompleteCycleStarted;
    private volatile Duration lastCycle;
    private volatile Duration expectedCycle;

    void started() {
        // Page figures stay those of the last sync until this poll reports a page: a scrape between two polls
        // (or during an idle poll that stops at page 1) still shows how far the last sync got.
        pollStarted = Instant.now();
    }

    void succeeded() {
        lastSuccess = Instant.now();
        pollStarted = null;
        consecutiveFailures = 0;
        lastError = null;
    }

    void failed(String message) {
        pollStarted = null;
        consecutiveFailures++;
        lastError = message;
    }

    void progress(int done, int total) {
        pagesDone = done;
        pagesTotal = total;
    }

    /** A scan cycle begins: every page of the snapshot (all store views) is read again from here on. */
    void cycleStarted() {
        cycleStarted = Instant.now();
    }

    /** The scan cycle begun by {@link #cycleStarted()} read every page: Kafka reflects the store as of its start. */
    void cycleCompleted() {
        Instant started = cycleStarted;
        if (started != null) {
            lastCompleteCycleStarted = started;
            lastCycle = Duration.between(started, Instant.now());
            cycleStarted = null;
        }
    }

    /** How long one cycle should take at the configured budget, once the first page gave the store's size. */
    void expectedCycle(Duration expected) {
        expectedCycle = expected;
    }

    /** Whether this stream is read as budgeted scans (else it is polled for changes by timestamp). */
    public boolean scanned() {
        return lastCycle != null || cycleStarted != null || expectedCycle != null;
    }

    /**
     * How old the oldest data this stream has published can be. Polled streams: the age of the last successful
     * poll. Scans: no page is older than the start of the last complete cycle (pages not yet read again in the
     * running cycle were read in that one). Before any success (or complete cycle): the age of the stream itself.
     */
    public long freshnessSeconds() {
        if (!scanned()) {
            return secondsSinceSuccess();
        }
        Instant since = lastCompleteCycleStarted;
        return Duration.between(since == null ? created : since, Instant.now()).toSeconds();
    }

    /** The length of the last complete scan cycle, or null before the first one completed. */
    public Duration lastCycle() {
        return lastCycle;
    }

    /** The expected length of one scan cycle at the configured budget, or null while the store's size is unknown. */
    public Duration expectedCycle() {
        return expectedCycle;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Seconds since the last successful poll, or since start when none succeeded yet. */
    public long secondsSinceSuccess() {
        return Duration.between(lastSuccess == null ? created : lastSuccess, Instant.now()).toSeconds();
    }

    /** How long the running poll has been going, or zero. */
    public Duration runningFor() {
        Instant started = pollStarted;
        return started == null ? Duration.ZERO : Duration.between(started, Instant.now());
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastError() {
        return lastError;
    }

    public int pagesDone() {
        return pagesDone;
    }

    public int pagesTotal() {
        return pagesTotal;
    }
}
