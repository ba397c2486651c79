package org.magentokafka.scan;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.DeletionSweep;
import org.magentokafka.consumer.StreamContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys-only reconcile sweep of a timestamped stream as a background scan: on a thread of its own, one sweep
 * per reconcile interval (the pause between two sweeps), each listing every key of each store view through the
 * paced client at the scan page size. A listing of 100,000 products is 334 pages, about 28 min at 0.2 requests/s:
 * run by the poll, it would hold the stream's change polls back that long. A completed listing is handed to the
 * consumer, whose next poll confirms the missing keys by key and publishes the deletes on the poll thread, where
 * page delivery and state commits already happen.
 */
final class ReconcileScan {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileScan.class);

    private final StreamContext endpoint;
    private final DeletionSweep sweep;
    private final BooleanSupplier running;
    private final Duration interval;
    private final ScanCycles cycles;
    /** Store views with a synced state: a listing is only worth comparing with a state that exists. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, KeyFingerprints> listed = new ConcurrentHashMap<>();
    private final ScanRunner runner;

    ReconcileScan(StreamContext endpoint, DeletionSweep sweep, BooleanSupplier running) {
        this.endpoint = endpoint;
        this.sweep = sweep;
        this.running = running;
        this.interval = endpoint.getConfiguration().getReconcileInterval();
        this.cycles = new ScanCycles(endpoint, "reconcile sweep", "sweep", null);
        this.runner = new ScanRunner(endpoint, "MagentoReconcile");
    }

    void start(Object owner) {
        long pause = Math.max(1, interval.toMillis());
        runner.start(owner, pause, pause, this::sweepAll);
    }

    void stop() {
        runner.stop();
    }

    /** The poll synced this store view's state: the next sweep lists it. */
    void ready(String store) {
        ready.add(store);
    }

    /** Whether a completed listing of this store view waits to be confirmed. */
    boolean waiting(String store) {
        return listed.containsKey(store);
    }

    /** The keys a completed listing of this store view showed, once (null: none waiting). */
    KeyFingerprints take(String store) {
        return listed.remove(store);
    }

    private void sweepAll() {
        ScanRunner.counted(endpoint.scanBudget(), () -> {
            for (String store : endpoint.storeCodes()) {
                if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (ready.contains(store)) {
                    list(store);
                }
            }
        });
    }

    private void list(String store) {
        try {
            KeyFingerprints keys = sweep.listKeys(endpoint.scanClient(store), store,
                    endpoint.getConfiguration().getScanPageSize(), cycles);
            if (keys != null) {
                listed.put(store, keys);
            }
        } catch (MagentoException e) {
            if (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                LOG.warn("magento:{} reconcile sweep of store view {} failed: {} (next sweep in {} s)", endpoint.getStream(),
                        store, e.getMessage(), interval.toSeconds());
            }
        } catch (RuntimeException e) {
            // Never let a failure end the schedule: the next sweep tries again.
            LOG.warn("magento:{} reconcile sweep of store view {} failed: unexpected failure: {} (next sweep in {} s)",
                    endpoint.getStream(), store, e, interval.toSeconds());
        }
    }
}
