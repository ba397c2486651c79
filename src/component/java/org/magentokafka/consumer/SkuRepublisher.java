package org.magentokafka.consumer;

import java.util.Set;

import org.magentokafka.consumer.paging.PageNumberReader;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;

/**
 * Publishes again the products whose stock changed (seen by the source-items stream of the same store, see
 * {@link CatalogSignals}), a page of {@code sku in (...)} at a time; the content hash keeps only real changes.
 * SKUs a failed or inconsistent pass did not get through are given back for the next poll; requests recorded in
 * the products' state ({@link RepublishRequests}) join them and are cleared once served.
 */
final class SkuRepublisher {

    private final PageNumberReader pages;
    private final StreamContext endpoint;

    SkuRepublisher(PageNumberReader pages, StreamContext endpoint) {
        this.pages = pages;
        this.endpoint = endpoint;
    }

    void republish(StoreSync sync, SearchCriteria criteria) throws Exception {
        RepublishRequests.replay(endpoint, sync);
        // Two rounds at most: the first round's children ask for their configurables (CommittedChanges) as Kafka
        // acknowledges them, and the second publishes those in the same poll, so a configurable whose last child
        // sold out follows its child within one poll. A parent is nobody's child: it asks for nothing more.
        for (int round = 0; round < 2 && !sync.inconsistent(); round++) {
            if (!republishPending(sync, criteria)) {
                return;
            }
        }
    }

    /** Publishes the SKUs waiting in this store view; false when none was. */
    private boolean republishPending(StoreSync sync, SearchCriteria criteria) throws Exception {
        CatalogSignals signals = endpoint.store().signals();
        Set<String> skus = signals.takePendingSkus(sync.store());
        if (skus.isEmpty()) {
            return false;
        }
        try {
            for (SearchCriteria.Filter filter : ValueFilters.of("sku", skus, criteria.pageSize())) {
                pages.read(sync, criteria.withFilterGroup(filter), false, null);
            }
            if (sync.inconsistent()) {
                signals.restorePendingSkus(sync.store(), skus);
            } else {
                // Every page was acknowledged (the reader awaits them): the recorded requests are served.
                RepublishRequests.served(sync, skus);
                signals.republished(sync.store(), skus);
            }
            return true;
        } catch (Exception e) {
            signals.restorePendingSkus(sync.store(), skus);
            throw e;
        }
    }
}
