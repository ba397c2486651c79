package org.magentokafka.consumer;

import java.time.Duration;
import java.util.Set;

import org.magentokafka.consumer.paging.StoreSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source-items scan beside the products' stock index. While the index serves the store (it read every website
 * at its last cycle), a source-level stock change reaches the products within one index cycle, so the paced scan
 * of every source item becomes the slow full reconcile (a move between two sources of one stock does not show in
 * the index): it pauses {@code sourceItemsPause} between two cycles instead of the poll interval, and the polls in
 * between read again only the SKUs the index saw change, so the source-items topic follows too. Without the index
 * (off, refused, no modules) every poll is a cycle, as before. The stream's freshness is judged against the pause
 * it keeps.
 */
public final class SourceItemCycles {

    private static final Logger LOG = LoggerFactory.getLogger(SourceItemCycles.class);

    private final StreamContext endpoint;
    private final StorePass passes;
    private final PollStatus status;
    private final Duration pollInterval;
    private final Duration pause;
    private volatile long lastCycleEndedNanos;
    private volatile boolean cycled;
    private volatile boolean pausing;

    public SourceItemCycles(StreamContext endpoint, StorePass passes, PollStatus status, Duration pollInterval) {
        this.endpoint = endpoint;
        this.passes = passes;
        this.status = status;
        this.pollInterval = pollInterval;
        this.pause = endpoint.getConfiguration().getSourceItemsPause();
    }

    public void started() {
        endpoint.store().signals().registerSourceItems();
    }

    /** Reads again the SKUs the stock index saw change; returns the pages read. */
    public int refresh() throws Exception {
        CatalogSignals signals = endpoint.store().signals();
        Set<String> skus = signals.takeSourceItemSkus();
        if (skus.isEmpty()) {
            return 0;
        }
        try {
            StoreSync sync = passes.refresh(endpoint.storeCodes().get(0), skus);
            if (sync.inconsistent()) {
                signals.restoreSourceItemSkus(skus);
            }
            return sync.pages();
        } catch (Exception e) {
            signals.restoreSourceItemSkus(skus);
            throw e;
        }
    }

    /** Whether this poll runs a full cycle: always without the stock index, else once the pause after the last one is over. */
    public boolean cycleDue() {
        boolean serves = endpoint.store().signals().stockIndexServes();
        if (serves != pausing) {
            pausing = serves;
            // What the stream's freshness is judged against: the pause between two cycles it keeps now.
            status.pollInterval(serves ? pause : pollInterval);
            LOG.info("magento:{} {}", endpoint.getStream(), serves
                    ? "the stock index serves this store: a full scan cycle every " + pause.toMinutes()
                      + " min (magento.stock.source-items-pause) reconciles, the SKUs the index sees change are read at once"
                    : "no stock index: every poll is a full scan cycle again");
        }
        return !serves || !cycled || System.nanoTime() - lastCycleEndedNanos >= pause.toNanos();
    }

    /** A full cycle read every page. */
    public void cycleCompleted() {
        cycled = true;
        lastCycleEndedNanos = System.nanoTime();
    }
}
