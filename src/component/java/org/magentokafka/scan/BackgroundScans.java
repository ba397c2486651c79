package org.magentokafka.scan;

import java.util.function.BooleanSupplier;

import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.consumer.DeletionSweep;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.consumer.StreamScans;
import org.magentokafka.stream.MagentoStream;

/**
 * The background scans of one stream's consumer, each on a thread of its own ({@link ScanRunner}), started and
 * stopped with it: a timestamped stream's keys-only {@link ReconcileScan}; for products the {@link PricePass} and,
 * unless off or for guests (who are never shown stock), the {@link SalableScan} and the {@link StockIndexPass}. A scan stream (no
 * timestamp) has none: its polls are the scan, counted among the store's scans for as long as it runs.
 */
public final class BackgroundScans implements StreamScans {

    private final StreamContext endpoint;
    /** Timestamped streams: the background reconcile sweep. */
    private final ReconcileScan reconcile;
    /** Products: the daily pass that publishes again the products whose special price window opened or closed. */
    private final PricePass prices;
    /** Products: the background scan of the websites' salable quantities (null when off or for guests). */
    private final SalableScan salable;
    /** Products: each website's whole stock index, one request a cycle (null when off or for guests). */
    private final StockIndexPass stockIndex;

    /**
     * @param sweep   confirms the reconcile sweep's listings (on the poll thread) and lists the keys (on its own)
     * @param running whether the consumer may still run: a scan stops between two pages once it may not
     */
    public BackgroundScans(StreamContext endpoint, DeletionSweep sweep, BooleanSupplier running) {
        this.endpoint = endpoint;
        MagentoStream stream = endpoint.stream();
        this.reconcile = stream.timestamped() ? new ReconcileScan(endpoint, sweep, running) : null;
        // Guests are never shown salable quantities: nothing to scan.
        this.salable = stream == MagentoStream.PRODUCTS && endpoint.getConfiguration().isSalableScan() && !endpoint.guest()
                ? new SalableScan(endpoint, running, endpoint.getConfiguration().getPollInterval()) : null;
        this.prices = stream == MagentoStream.PRODUCTS ? new PricePass(endpoint, running) : null;
        this.stockIndex = stream == MagentoStream.PRODUCTS && endpoint.getConfiguration().isStockIndex() && !endpoint.guest()
                ? new StockIndexPass(endpoint, running, endpoint.getConfiguration().getStockIndexInterval()) : null;
    }

    /** @param owner the consumer, which Camel's thread pools are registered for */
    public void start(Object owner) {
        if (salable != null) {
            salable.start(owner);
        }
        if (stockIndex != null) {
            stockIndex.start(owner);
        }
        if (prices != null) {
            prices.start(owner);
        }
        if (reconcile != null) {
            reconcile.start(owner);
        } else if (endpoint.scanBudget().paced()) {
            // A scan stream shares the budget for as long as it runs (its pauses are short): a steady count for the
            // expected cycle. A reconcile sweep counts only while it lists.
            endpoint.scanBudget().register();
        }
    }

    public void stop() {
        if (salable != null) {
            salable.stop();
        }
        if (stockIndex != null) {
            stockIndex.stop();
        }
        if (prices != null) {
            prices.stop();
        }
        if (reconcile != null) {
            reconcile.stop();
        } else if (endpoint.scanBudget().paced()) {
            endpoint.scanBudget().unregister();
        }
    }

    @Override
    public boolean listingWaiting(String store) {
        return reconcile != null && reconcile.waiting(store);
    }

    @Override
    public KeyFingerprints takeListing(String store) {
        return reconcile.take(store);
    }

    @Override
    public void synced(String store, boolean initial) {
        reconcile.ready(store);
        if (salable != null) {
            salable.ready(store);
        }
        if (stockIndex != null) {
            stockIndex.ready(store);
        }
        if (prices != null) {
            prices.ready(store, initial);
        }
    }
}
