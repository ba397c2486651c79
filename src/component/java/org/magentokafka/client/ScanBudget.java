package org.magentokafka.client;

import java.util.concurrent.TimeUnit;

/**
 * The requests per second that all scans of one store share (source items, attribute metadata, the keys-only
 * reconcile sweep): each scan request first takes the next free slot, one every {@code 1 / rate} seconds. Slots go
 * out in the order they are asked for, so scans running at once interleave round robin, and a scan's pages are
 * spread over its cycle instead of bursting at the store. It also counts the scans registered, which share it, for
 * the expected cycle ({@code ScanCycleEstimate}). Thread-safe.
 */
public final class ScanBudget {

    /** Time as the budget sees it; tests pass their own. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    private final double perSecond;
    private final long intervalNanos;
    private final Clock clock;
    private long next;
    private boolean started;
    private int scans;

    /** @param perSecond requests per second for all scans together; 0 for no budget (scans are not paced) */
    public ScanBudget(double perSecond) {
        this(perSecond, Clock.SYSTEM);
    }

    public ScanBudget(double perSecond, Clock clock) {
        if (perSecond < 0 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("magento.scan-budget must not be negative, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.intervalNanos = perSecond == 0 ? 0 : (long) Math.ceil(1_000_000_000L / perSecond);
        this.clock = clock;
    }

    /** Whether scans are paced at all (a budget of 0 lets them run at foreground speed). */
    public boolean paced() {
        return perSecond > 0;
    }

    public double perSecond() {
        return perSecond;
    }

    /**
     * Waits for this caller's slot: the later of now and the slot after the last one given out. An interrupted
     * wait gives its slot back when no later one was given out meanwhile, so a stop does not push the next scan
     * request further out.
     */
    public void acquire() throws InterruptedException {
        if (!paced()) {
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("scan budget: interrupted before its slot");
        }
        long slot;
        long now;
        synchronized (this) {
            now = clock.nanoTime();
            slot = !started || now - next > 0 ? now : next;
            started = true;
            next = slot + intervalNanos;
        }
        long wait = slot - now;
        if (wait > 0) {
            try {
                clock.sleepNanos(wait);
            } catch (InterruptedException e) {
                synchronized (this) {
                    if (next == slot + intervalNanos) {
                        next = slot;
                    }
                }
                throw e;
            }
        }
    }

    /** A scan that will take slots from now on (until {@link #unregister()}). */
    public synchronized void register() {
        scans++;
    }

    public synchronized void unregister() {
        scans = Math.max(0, scans - 1);
    }

    /** The scans sharing the budget right now (at least 1 for an estimate: the one asking). */
    public synchronized int scans() {
        return scans;
    }
}
