package org.magentokafka.consumer;

import org.magentokafka.producer.LookupStore;

/** What a stream's consumer and scans share with every other stream of their store, beyond the look-ups' share. */
public interface StreamStore extends LookupStore {

    /** The changes between the store's streams that the products consumer acts on. */
    CatalogSignals signals();

    /**
     * Whether the route enriches this store view's products for the storefront: the salable-quantity scan and the
     * price pass serve those events only, a route publishing raw products (the Kamelet) does not pay for them.
     */
    boolean servesStorefront(String storeCode);
}
