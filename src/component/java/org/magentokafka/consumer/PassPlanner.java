package org.magentokafka.consumer;

import org.magentokafka.change.StateStore;
import org.magentokafka.paging.Paging;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * Chooses each pass: a full pass when the stream has no timestamp, has no watermark yet, or (products) another
 * stream signalled that every product needs re-evaluating; keyset paging for a full pass when configured and the
 * stream has a numeric id; else the rows changed since the watermark. A timestamped stream confirms the
 * deletions its background reconcile sweep (the {@code scan} package's ReconcileScan) listed, when one is waiting.
 */
final class PassPlanner {

    private final StreamContext endpoint;
    private final MagentoStream stream;

    PassPlanner(StreamContext endpoint) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
    }

    /**
     * Plans a full pass when the store view's products were asked for one (a category, attribute or scope change);
     * the request stays until the pass completed (see {@link CatalogSignals#fullPassDone}).
     *
     * @param reconcile a reconcile listing of this store view waits to be confirmed
     */
    PassPlan plan(String store, StateStore state, boolean reconcile) {
        boolean initial = state.watermark() == null && state.size() == 0;
        long signals = stream == MagentoStream.PRODUCTS ? endpoint.store().signals().fullPassRequested(store) : 0;
        boolean full = !stream.timestamped() || state.watermark() == null || signals > 0
                       || stream == MagentoStream.PRODUCTS && state.fullPassRequested();
        SearchCriteria criteria = SearchCriteria.paged(endpoint.getConfiguration().getPageSize());
        for (String field : stream.sortFields()) {
            criteria = criteria.sortedBy(field, "ASC");
        }
        PassPlan.Kind kind = !full ? PassPlan.Kind.INCREMENTAL
                : keyset() ? PassPlan.Kind.FULL_BY_KEYSET : PassPlan.Kind.FULL_BY_PAGE;
        return new PassPlan(kind, initial, reconcile, criteria, full ? signals : 0);
    }

    private boolean keyset() {
        return stream.keysetIdField() != null && endpoint.getConfiguration().getPaging() == Paging.KEYSET;
    }
}
