package org.magentokafka.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single door every request to one store goes through: all streams and look-ups of that store together never
 * have more than the store's concurrency level in flight, nor start more than the optional requests per second.
 * While the store throttles (429, 503) the effective concurrency halves, down to one, and climbs back by one
 * after a run of successes (additive increase, multiplicative decrease), so the rate drops while throttled and
 * recovers after.
 * <p>
 * Foreground first: a background request (a budgeted scan) enters only while no foreground request (a timestamped
 * poll, an enrichment look-up) waits for a permit, so a scan never delays what users see change.
 */
public final class StoreGate {

    private static final int SUCCESSES_TO_GROW = 20;

    private final int maxConcurrency;
    private final double maxPerSecond;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private int limit;
    private int inFlight;
    private int successes;
    private long nextStartNanos;
    private int foregroundWaiting;
    private int backgroundWaiting;

    public StoreGate(int maxConcurrency) {
        this(maxConcurrency, 0);
    }

    /** @param maxPerSecond 0 for no rate limit */
    public StoreGate(int maxConcurrency, double maxPerSecond) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("magento.max-concurrency must be at least 1, was " + maxConcurrency);
        }
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException("magento.max-requests-per-second must not be negative, was " + maxPerSecond);
        }
        this.maxConcurrency = maxConcurrency;
        this.maxPerSecond = maxPerSecond;
        this.limit = maxConcurrency;
    }

    /** A foreground request's permit: it goes before every waiting background request. */
    public void acquire() throws InterruptedException {
        enter(false);
    }

    /** A background request's permit: waits while the gate is full or any foreground request is waiting. */
    public void acquireBackground() throws InterruptedException {
        enter(true);
    }

    private void enter(boolean background) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (background) {
                backgroundWaiting++;
                try {
                    while (inFlight >= limit || foregroundWaiting > 0) {
                        changed.await();
                    }
                } finally {
                    backgroundWaiting--;
                }
            } else if (inFlight >= limit) {
                foregroundWaiting++;
                try {
                    while (inFlight >= limit) {
                        changed.await();
                    }
                } finally {
                    foregroundWaiting--;
                    // A background request may have been held back only by this one.
                    changed.signalAll();
                }
            }
            inFlight++;
            if (maxPerSecond > 0) {
                long interval = (long) (1_000_000_000L / maxPerSecond);
                long now = System.nanoTime();
                long start = Math.max(now, nextStartNanos);
                nextStartNanos = start + interval;
                long wait = start - now;
                if (wait > 0) {
                    // Holding the permit while waiting keeps the concurrency bound; the lock is released.
                    lock.unlock();
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        // The caller never got the permit, so it will not release it: give it back here.
                        lock.lock();
                        inFlight--;
                        changed.signalAll();
                        throw e;
                    }
                    lock.lock();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The store answered 429 or 503: halve the effective concurrency. */
    public void throttled() {
        lock.lock();
        try {
            limit = Math.max(1, limit / 2);
            successes = 0;
        } finally {
            lock.unlock();
        }
    }

    /** A request succeeded: after a run of successes, allow one more in flight, up to the configured level. */
    public void succeeded() {
        lock.lock();
        try {
            if (limit < maxConcurrency && ++successes >= SUCCESSES_TO_GROW) {
                limit++;
                successes = 0;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** The concurrency currently allowed (lower than the configured level while the store throttles). */
    public int effectiveConcurrency() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a permit: foreground, background (for tests and diagnostics). */
    int[] waiting() {
        lock.lock();
        try {
            return new int[] { foregroundWaiting, backgroundWaiting };
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
