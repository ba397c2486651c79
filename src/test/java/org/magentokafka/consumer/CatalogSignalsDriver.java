package org.magentokafka.consumer;

import java.util.Set;
import java.util.TreeSet;

/**
 * Plays the products consumer's side of the {@link CatalogSignals} for tests outside the consumer package (the
 * scans that ask for products to be published again): its next poll takes the SKUs waiting and publishes them.
 */
public final class CatalogSignalsDriver {

    private CatalogSignalsDriver() {
    }

    /**
     * A products poll of {@code store} takes the SKUs waiting to be published again and Kafka acknowledges them.
     *
     * @return the SKUs it published, sorted
     */
    public static Set<String> publishWaiting(CatalogSignals signals, String store) {
        Set<String> taken = signals.takePendingSkus(store);
        signals.republished(store, taken);
        return new TreeSet<>(taken);
    }

    /** A products poll of {@code store} takes the SKUs waiting and has not published them yet. */
    public static Set<String> takeWaiting(CatalogSignals signals, String store) {
        return new TreeSet<>(signals.takePendingSkus(store));
    }
}
