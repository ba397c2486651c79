package org.magentokafka.consumer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spaces out polls after failures: the poll interval doubled per consecutive failure, capped, with jitter so
 * that several streams of one store do not retry in lock-step.
 */
public final class PollBackoff {

    private final Duration interval;
    private final Duration max;
    private int failures;
    private long nextAttemptNanos;

    public PollBackoff(Duration interval, Duration max) {
        this.interval = interval;
        this.max = max.compareTo(interval) < 0 ? interval : max;
    }

    public synchronized boolean attemptAllowed() {
        return failures == 0 || System.nanoTime() - nextAttemptNanos >= 0;
    }

    /** Records a failure and returns the wait before the next attempt. */
    public synchronized Duration failed() {
        failures++;
        long base = interval.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long jittered = capped - (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        // The scheduler already waits one interval before calling again, so the extra wait is the remainder.
        nextAttemptNanos = System.nanoTime() + Duration.ofMillis(Math.max(0, jittered - interval.toMillis())).toNanos();
        return Duration.ofMillis(Math.max(jittered, interval.toMillis()));
    }

    public synchronized void succeeded() {
        failures = 0;
    }

    public synchronized int failures() {
        return failures;
    }
}
