package org.magentokafka.component;

import java.time.Duration;

import org.magentokafka.change.StateStore;
import org.magentokafka.paging.Paging;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * Chooses each pass: a full pass when the stream has no timestamp, has no watermark yet, or (products) another
 * stream signalled that every product needs re-evaluating; keyset paging for a full pass when configured and the
 * stream has a numeric id; else the rows changed since the watermark. A timestamped stream also runs the
 * keys-only deletion sweep once per reconcile interval.
 */
final class PassPlanner {

    private final MagentoEndpoint endpoint;
    private final MagentoStream stream;
    private final Duration reconcileInterval;
    private long lastReconcile = System.nanoTime();

    PassPlanner(MagentoEndpoint endpoint, Duration reconcileInterval) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.reconcileInterval = reconcileInterval;
    }

    /** Whether this poll runs the deletion sweep (timestamped streams, once per reconcile interval). */
    boolean reconcileDue() {
        return stream.timestamped() && System.nanoTime() - lastReconcile >= reconcileInterval.toNanos();
    }

    /** Every store view of a poll that was due for the sweep went through it. */
    void reconciled() {
        lastReconcile = System.nanoTime();
    }

    /** Takes the store view's full-pass signal (products) when the pass would otherwise be incremental. */
    PassPlan plan(String store, StateStore state, boolean reconcile) {
        boolean initial = state.watermark() == null && state.size() == 0;
        boolean full = !stream.timestamped() || state.watermark() == null
                       || stream == MagentoStream.PRODUCTS && endpoint.store().signals().takeFullPass(store);
        SearchCriteria criteria = SearchCriteria.paged(endpoint.getConfiguration().getPageSize());
        for (String field : stream.sortFields()) {
            criteria = criteria.sortedBy(field, "ASC");
        }
        PassPlan.Kind kind = !full ? PassPlan.Kind.INCREMENTAL
                : keyset() ? PassPlan.Kind.FULL_BY_KEYSET : PassPlan.Kind.FULL_BY_PAGE;
        return new PassPlan(kind, initial, reconcile, criteria);
    }

    private boolean keyset() {
        return stream.keysetIdField() != null && endpoint.getConfiguration().getPaging() == Paging.KEYSET;
    }
}
