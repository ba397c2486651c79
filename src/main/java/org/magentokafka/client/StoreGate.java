package org.magentokafka.client;

import java.util.concurrent.Semaphore;

/**
 * The single door every request to one store goes through, so that all streams and look-ups of that store
 * together never exceed the store's concurrency level.
 */
public final class StoreGate {

    private final Semaphore permits;
    private final int maxConcurrency;

    public StoreGate(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.permits = new Semaphore(maxConcurrency, true);
    }

    public void acquire() throws InterruptedException {
        permits.acquire();
    }

    public void release() {
        permits.release();
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    public int inFlight() {
        return maxConcurrency - permits.availablePermits();
    }
}
