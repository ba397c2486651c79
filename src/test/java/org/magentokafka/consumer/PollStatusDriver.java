package org.magentokafka.consumer;

import java.time.Duration;
import java.time.Instant;

import org.magentokafka.testing.MutableClock;

/**
 * Plays a stream's polling onto a {@link PollStatus} with a hand-moved clock, as its consumer would report it, for
 * tests outside the component package (readiness) that judge what the status says.
 */
public final class PollStatusDriver {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PollStatus status;

    private PollStatusDriver(boolean scanned) {
        this.status = new PollStatus(scanned, clock);
    }

    /** A stream polled by change timestamp (products, categories, CMS pages). */
    public static PollStatusDriver polled() {
        return new PollStatusDriver(false);
    }

    /** A stream read as scans (source items, attribute metadata). */
    public static PollStatusDriver scanned() {
        return new PollStatusDriver(true);
    }

    public PollStatus status() {
        return status;
    }

    public PollStatusDriver consumerStarted(Duration pollInterval) {
        status.consumerStarted(pollInterval);
        return this;
    }

    public PollStatusDriver consumerStopped() {
        status.consumerStopped();
        return this;
    }

    /** A poll that succeeds after {@code took}. */
    public PollStatusDriver poll(Duration took) {
        status.started();
        clock.advance(took);
        status.succeeded();
        return this;
    }

    /** A poll that fails after {@code took}. */
    public PollStatusDriver failedPoll(Duration took) {
        status.started();
        clock.advance(took);
        status.failed("could not connect");
        return this;
    }

    /** A poll starts and is still running. */
    public PollStatusDriver pollStarted() {
        status.started();
        return this;
    }

    public PollStatusDriver cycleStarted() {
        status.cycleStarted();
        return this;
    }

    public PollStatusDriver cycleCompleted() {
        status.cycleCompleted();
        return this;
    }

    /** A first sync's cycle, read at full speed rather than at the scan budget. */
    public PollStatusDriver unpacedCycleCompleted() {
        status.cycleCompleted(false);
        return this;
    }

    /** The first page of a scan gave the store's size: the expected cycle at the budget. */
    public PollStatusDriver expectedCycle(Duration expected) {
        status.expectedCycle(expected);
        return this;
    }

    public PollStatusDriver wait(Duration d) {
        clock.advance(d);
        return this;
    }
}
