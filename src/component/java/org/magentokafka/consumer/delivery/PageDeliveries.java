package org.magentokafka.consumer.delivery;

import java.util.concurrent.Semaphore;

/**
 * The pages of a poll handed to the route and not yet completed: while Kafka acknowledges page n, the consumer
 * already enriches and sends page n+1 (a synchronous hand-over would leave the store idle during every
 * acknowledgement). Bounded, so memory stays a few pages whatever the catalog's size; the first failure is kept
 * and stops the poll at its next hand-over.
 */
public final class PageDeliveries {

    private final int window;
    private final Semaphore slots;
    private volatile Exception failure;

    public PageDeliveries(int window) {
        this.window = window;
        this.slots = new Semaphore(window);
    }

    /** Waits for a free slot; rethrows the failure of an earlier page. */
    public void begin() throws Exception {
        slots.acquire();
        if (failure != null) {
            slots.release();
            throw failure;
        }
    }

    public void completed(Exception pageFailure) {
        if (pageFailure != null && failure == null) {
            failure = pageFailure;
        }
        slots.release();
    }

    /** Waits until every page handed over has completed; rethrows the first failure. */
    public void awaitAll() throws Exception {
        slots.acquire(window);
        slots.release(window);
        Exception first = failure;
        failure = null;
        if (first != null) {
            throw first;
        }
    }

    /** Waits for the pages still in flight after a failed poll, so the next poll starts from settled state. */
    public void settle() {
        try {
            slots.acquire(window);
            slots.release(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failure = null;
    }
}
