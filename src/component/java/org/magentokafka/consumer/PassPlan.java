package org.magentokafka.consumer;

import org.magentokafka.paging.SearchCriteria;

/**
 * How one poll reads one store view, decided by {@link PassPlanner} before the first request.
 *
 * @param kind     a full pass (by page number or keyset) or the rows changed since the watermark
 * @param initial  no watermark and no state yet: the very first sync of this store view
 * @param reconcile whether a keys-only reconcile listing is confirmed after an incremental pass
 * @param ascending the stream's page-number criteria (page size, stable sort), for full and re-publishing passes
 * @param signals  the requests for a full pass that this pass serves (products; 0 for none): served once it completed
 */
record PassPlan(Kind kind, boolean initial, boolean reconcile, SearchCriteria ascending, long signals) {

    enum Kind { FULL_BY_PAGE, FULL_BY_KEYSET, INCREMENTAL }

    boolean full() {
        return kind != Kind.INCREMENTAL;
    }
}
