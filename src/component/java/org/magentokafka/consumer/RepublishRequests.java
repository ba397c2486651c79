package org.magentokafka.consumer;

import java.util.Collection;
import java.util.Set;

import org.magentokafka.change.StateStore;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.stream.MagentoStream;

/**
 * Asks for products of a store view to be published again because something beneath them changed (a stock change,
 * a child's change for its parents): in memory, for the next products poll, and in the products' state, so a crash
 * between the asking stream's commit and the re-publish replays the request instead of losing it. The products
 * consumer takes the recorded requests at each poll and clears them once Kafka acknowledged the re-published pages
 * ({@link SkuRepublisher}).
 */
final class RepublishRequests {

    private RepublishRequests() {
    }

    /** Stock changed: the products of every store view a products consumer of this process reads. */
    static void inventoryChanged(StreamContext endpoint, Collection<String> skus) {
        CatalogSignals signals = endpoint.store().signals();
        signals.inventoryChanged(skus);
        for (String store : signals.registeredStores()) {
            state(endpoint, store).requestRepublish(skus);
        }
    }

    /** Products of one store view (the parents of a changed child). */
    static void request(StreamContext endpoint, String store, Collection<String> skus) {
        CatalogSignals signals = endpoint.store().signals();
        signals.republish(store, skus);
        if (signals.registered(store)) {
            state(endpoint, store).requestRepublish(skus);
        }
    }

    /** What a crash left unserved, back in memory for this poll (a no-op once the poll's requests are in flight). */
    static void replay(StreamContext endpoint, StoreSync sync) {
        Set<String> recorded = sync.state().republishRequested();
        if (!recorded.isEmpty()) {
            endpoint.store().signals().restoreRecorded(sync.store(), recorded);
        }
    }

    /** The SKUs were published again: their recorded requests go. */
    static void served(StoreSync sync, Collection<String> skus) {
        sync.state().republishServed(skus);
    }

    private static StateStore state(StreamContext endpoint, String store) {
        return endpoint.stateOf(MagentoStream.PRODUCTS.uriName(), store);
    }
}
