package org.magentokafka.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How a stream's polling goes, for health checks and metrics: whether its consumer runs here (a standby HA replica's
 * does not), when the last poll succeeded and how long it took, whether one is running (a hanging poll keeps Camel's
 * own consumer check UP), how many failed in a row and why the last one failed; for scans (streams read as whole
 * snapshots) the cycles, and from all of it how fresh the stream's data in Kafka is.
 */
public final class PollStatus {

    private final Clock clock;
    private final Instant created;
    private final boolean scanned;
    private volatile Instant runningSince;
    private volatile Duration pollInterval;
    private volatile Instant lastSuccess;
    private volatile Duration lastPollDuration;
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

    /**
     * @param scanned whether the stream is read as scans (no change timestamp: {@code !MagentoStream.timestamped()});
     *                decided by the stream, not by which calls arrive, so a timestamped stream's reconcile sweep may
     *                report cycles without changing what its freshness means
     */
    public PollStatus(boolean scanned) {
        this(scanned, Clock.systemUTC());
    }

    /** With the clock the ages are measured by (tests move it by hand). */
    public PollStatus(boolean scanned, Clock clock) {
        this.scanned = scanned;
        this.clock = clock;
        this.created = clock.instant();
    }

    /** The stream's consumer started polling here (every start: a standby taking the lease starts it too). */
    public void consumerStarted(Duration interval) {
        pollInterval = interval;
        runningSince = clock.instant();
    }

    /** The least pause between two polls or cycles changed (the source-items scan beside the stock index). */
    public void pollInterval(Duration interval) {
        pollInterval = interval;
    }

    /** The consumer stopped (shutdown, or this replica stands by): this replica no longer refreshes the stream. */
    public void consumerStopped() {
        runningSince = null;
    }

    public void started() {
        // Page figures stay those of the last sync until this poll reports a page: a scrape between two polls
        // (or during an idle poll that stops at page 1) still shows how far the last sync got.
        pollStarted = clock.instant();
    }

    public void succeeded() {
        lastSuccess = ended();
        consecutiveFailures = 0;
        lastError = null;
    }

    public void failed(String message) {
        ended();
        consecutiveFailures++;
        lastError = message;
    }

    /** The running poll ended (either way): its duration is the last poll's. */
    private Instant ended() {
        Instant now = clock.instant();
        Instant started = pollStarted;
        if (started != null) {
            lastPollDuration = Duration.between(started, now);
        }
        pollStarted = null;
        return now;
    }

    public void progress(int done, int total) {
        pagesDone = done;
        pagesTotal = total;
    }

    /** A scan cycle begins: every page of the snapshot (all store views) is read again from here on. */
    public void cycleStarted() {
        cycleStarted = clock.instant();
    }

    /** The scan cycle begun by {@link #cycleStarted()} read every page: Kafka reflects the store as of its start. */
    public void cycleCompleted() {
        cycleCompleted(true);
    }

    /**
     * @param paced false for a first sync read at full speed while scans are budgeted: it counts for freshness but
     *        is not the scan cycle (reported as such, an 80 s first sync would hide a 70 min cycle)
     */
    public void cycleCompleted(boolean paced) {
        Instant started = cycleStarted;
        if (started != null) {
            lastCompleteCycleStarted = started;
            if (paced) {
                lastCycle = Duration.between(started, clock.instant());
            }
            cycleStarted = null;
        }
    }

    /** How long one cycle should take at the configured budget, once the first page gave the store's size. */
    public void expectedCycle(Duration expected) {
        expectedCycle = expected;
    }

    /** Whether this stream is read as budgeted scans (else it is polled for changes by timestamp). */
    public boolean scanned() {
        return scanned;
    }

    /** Whether the stream's consumer runs in this process (false on a standby replica and before the start). */
    public boolean running() {
        return runningSince != null;
    }

    /**
     * How old the oldest data this stream has published can be. Polled streams: the age of the last successful
     * poll. Scans: no page is older than the start of the last complete cycle (pages not yet read again in the
     * running cycle were read in that one). Counted at most from the consumer's latest start: a replica that takes
     * the lease over does not know how fresh the previous leader kept the topic, only what it did itself since.
     */
    public Duration freshness() {
        Instant refreshed = scanned ? lastCompleteCycleStarted : lastSuccess;
        Instant start = runningSince == null ? created : runningSince;
        Instant since = refreshed == null || refreshed.isBefore(start) ? start : refreshed;
        return Duration.between(since, clock.instant());
    }

    /** {@link #freshness()} in whole seconds. */
    public long freshnessSeconds() {
        return freshness().toSeconds();
    }

    /**
     * Whether the stream refreshed its data since its consumer last started (a poll succeeded; a scan cycle
     * completed): before that it is in its first sync, whose length the hanging-poll check watches, not freshness.
     */
    public boolean refreshedSinceStart() {
        Instant start = runningSince;
        Instant refreshed = scanned ? lastCompleteCycleStarted : lastSuccess;
        return start != null && refreshed != null && !refreshed.isBefore(start);
    }

    /**
     * The expected time between two refreshes of the stream's data, what its freshness is judged against: polled
     * streams, the poll interval plus the last poll's duration, failed or not (or the running poll's so far, when
     * longer: a long poll is the hanging-poll check's business, slow retries the failed-poll check's); scans, the
     * poll interval (the least pause between two cycles) plus the expected cycle. Null while unknown: before the
     * first poll ended, or before the first page of a scan.
     */
    public Duration refreshCycle() {
        Duration interval = pollInterval;
        if (interval == null) {
            return null;
        }
        if (scanned) {
            Duration expected = expectedCycle;
            return expected == null ? null : interval.plus(expected);
        }
        Duration last = lastPollDuration;
        if (last == null) {
            return null;
        }
        Duration running = runningFor();
        return interval.plus(running.compareTo(last) > 0 ? running : last);
    }

    /** The length of the last complete scan cycle, or null before the first one completed. */
    public Duration lastCycle() {
        return lastCycle;
    }

    /** The expected length of one scan cycle at the configured budget, or null while the store's size is unknown. */
    public Duration expectedCycle() {
        return expectedCycle;
    }

    /** How long the last poll took (successful or failed), or null before one ended. */
    public Duration lastPollDuration() {
        return lastPollDuration;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Seconds since the last successful poll, or since start when none succeeded yet. */
    public long secondsSinceSuccess() {
        return Duration.between(lastSuccess == null ? created : lastSuccess, clock.instant()).toSeconds();
    }

    /** How long the running poll has been going, or zero. */
    public Duration runningFor() {
        Instant started = pollStarted;
        return started == null ? Duration.ZERO : Duration.between(started, clock.instant());
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
