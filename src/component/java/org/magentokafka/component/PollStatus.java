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
