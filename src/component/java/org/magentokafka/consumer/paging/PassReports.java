package org.magentokafka.consumer.paging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.magentokafka.paging.InconsistentListReports;
import org.magentokafka.paging.PageBounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WARN lines a pass writes about what the store answered: an empty collection and an inconsistent list, each
 * once per store view until the store answers otherwise, so a store that keeps answering the same is not
 * reported on every poll.
 */
public final class PassReports {

    private static final Logger LOG = LoggerFactory.getLogger(PassReports.class);

    private final String streamName;
    private final Set<String> emptyReported = ConcurrentHashMap.newKeySet();
    /** Inconsistent list answers already reported, per store view. */
    private final InconsistentListReports inconsistencies = new InconsistentListReports();

    public PassReports(String streamName) {
        this.streamName = streamName;
    }

    public void empty(StoreSync sync, String path) {
        if (emptyReported.add(sync.store())) {
            LOG.warn("magento:{} GET {} returned total_count=0: store view '{}' has no items visible to this integration"
                     + " (empty catalog, wrong magento.store-codes, or items not assigned to this website). Nothing to publish; polling continues",
                    streamName, path, sync.store());
        }
    }

    /** The store view shows items again: an empty answer later is news. */
    public void notEmpty(StoreSync sync) {
        emptyReported.remove(sync.store());
    }

    /**
     * A list answer that cannot be true ends the pass on what it showed: nothing derived from the pass (watermark,
     * deletes) is trusted. One WARN line per stream, store view and kind of nonsense until a pass is consistent again.
     */
    public void inconsistent(StoreSync sync, String path, PageBounds.Problem problem) {
        sync.markInconsistent();
        inconsistent(sync.store(), path, problem);
    }

    /** The same, for a listing outside a poll (the reconcile sweep's own thread), which has no pass to mark. */
    public void inconsistent(String store, String path, PageBounds.Problem problem) {
        if (inconsistencies.firstTime(store, problem)) {
            LOG.warn("magento:{} GET {} (store view {}) answered an inconsistent list: {}. The pass ended early on the items shown"
                     + " (they are published); the watermark stays and no deletes are derived from this pass; the next poll reads"
                     + " again. Reported once until the store answers consistently", streamName, path, store,
                    problem.detail());
        } else {
            LOG.debug("magento:{} GET {} (store view {}) still answers an inconsistent list: {}", streamName, path,
                    store, problem.detail());
        }
    }

    /** The pass of this store view was consistent: its next inconsistency is news again. */
    public void consistent(String store) {
        inconsistencies.consistent(store);
    }
}
