package org.magentokafka.consumer;

import org.magentokafka.stream.MagentoStream;

/**
 * Asks for a full pass of a store view's products (a category, attribute or scope change re-enriches every one):
 * in memory, for the next poll, and in the products' state, so a crash before the pass replays the request. The
 * products consumer clears both once a full pass completed ({@link CatalogSignals#fullPassDone},
 * {@link org.magentokafka.change.StateStore#requestFullPass}).
 */
final class FullPassRequests {

    private FullPassRequests() {
    }

    static void request(StreamContext endpoint, String store) {
        CatalogSignals signals = endpoint.store().signals();
        // In memory first: a pass completing meanwhile sees the request and leaves the recorded one in place.
        signals.metadataChanged(store);
        if (signals.registered(store)) {
            endpoint.stateOf(MagentoStream.PRODUCTS.uriName(), store).requestFullPass(true);
        }
    }
}
