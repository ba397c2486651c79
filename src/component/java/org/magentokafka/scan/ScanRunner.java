package org.magentokafka.scan;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.magentokafka.client.ScanBudget;
import org.magentokafka.consumer.StreamContext;

/**
 * How a background scan runs: on a thread of its own (so a long listing never holds the stream's polls or the other
 * scans back), started and stopped with the stream's consumer, each round a fixed pause after the one before; and
 * counted among the scans that share the store's budget while a round reads.
 */
final class ScanRunner {

    private final StreamContext endpoint;
    private final String threadName;
    private volatile ScheduledExecutorService thread;

    /** @param threadName the thread's name before the stream's, e.g. MagentoReconcile */
    ScanRunner(StreamContext endpoint, String threadName) {
        this.endpoint = endpoint;
        this.threadName = threadName;
    }

    /**
     * @param firstDelayMillis before the first round
     * @param pauseMillis      between the end of one round and the start of the next
     */
    void start(Object owner, long firstDelayMillis, long pauseMillis, Runnable round) {
        thread = endpoint.executors().newSingleThreadScheduledExecutor(owner, threadName + "-" + endpoint.getStream());
        thread.scheduleWithFixedDelay(round, firstDelayMillis, pauseMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (thread != null) {
            endpoint.executors().shutdownNow(thread);
            thread = null;
        }
    }

    /** Runs {@code work} counted among the scans sharing this budget (when it paces at all). */
    static void counted(ScanBudget budget, Runnable work) {
        if (budget.paced()) {
            budget.register();
        }
        try {
            work.run();
        } finally {
            if (budget.paced()) {
                budget.unregister();
            }
        }
    }
}
