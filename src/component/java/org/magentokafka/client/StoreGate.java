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

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                changed.await();
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

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
