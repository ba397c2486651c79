package org.magentokafka.scan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.consumer.SignalAvailability;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.storefront.StockIndexDump;
import org.magentokafka.storefront.StoreViewScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock has no change timestamp, but Magento answers a website's whole stock index in one request
 * ({@link StockIndexDump}): every SKU's quantity summed over the stock's sources and its salable flag, which 2.4
 * turns false once orders sold a product out. Each cycle (every {@code stockIndexInterval}, one request per website
 * from the store's scan budget, on a thread of its own) compares it with what the last cycle saw
 * ({@link StockStates}, {@code stock-index.<website>}) and asks the products consumer to publish again the SKUs whose
 * quantity or flag moved, in every store view of the website; their configurables follow from the children's
 * events. So a source-level stock change reaches Kafka within about one cycle instead of one paced scan of every
 * source item, which stays as the slow full reconcile (a move between two sources of one stock does not show here).
 * <p>
 * A store that refuses the dump (no {@code Magento_InventoryApi::stock}) or lacks it (no inventory modules) is said
 * once; the paced scans then find stock changes as before, and the dump is asked again after
 * {@code metadataRefresh}, so a grant added later is picked up without a restart.
 */
final class StockIndexPass {

    private static final Logger LOG = LoggerFactory.getLogger(StockIndexPass.class);
    static final String STATE = "stock-index";
    /** The name of its freshness in metrics and health output. */
    static final String STATUS = "stock-index";

    private final StreamContext endpoint;
    private final BooleanSupplier running;
    private final Duration interval;
    private final ScanRunner runner;
    private final StockStates states;
    private final PollStatus status;
    private final SignalAvailability availability;
    /** The store views whose products were synced once: a website is read only then (its baseline follows them). */
    private final Set<String> synced = ConcurrentHashMap.newKeySet();

    StockIndexPass(StreamContext endpoint, BooleanSupplier running, Duration interval) {
        this.endpoint = endpoint;
        this.running = running;
        this.interval = interval;
        this.runner = new ScanRunner(endpoint, "MagentoStockIndex");
        this.states = new StockStates(endpoint, STATE);
        this.status = endpoint.signalStatus(STATUS);
        this.availability = new SignalAvailability(endpoint, LOG, "stock index", "Magento_InventoryApi::stock",
                "GET " + StockIndexDump.ENDPOINT, "stock changes are found by the paced scans (the source-items stream,"
                                                  + " the salable-quantity scan)");
    }

    void start(Object owner) {
        runner.start(owner, 0, Math.max(1, interval.toMillis()), this::cycle);
    }

    /** The products stream synced this store view once: its website's stock index may be read from now on. */
    void ready(String store) {
        synced.add(store);
    }

    void stop() {
        runner.stop();
        status.consumerStopped();
        endpoint.store().signals().stockIndexServes(false);
    }

    private void cycle() {
        if (availability.waiting()) {
            return;
        }
        ScanRunner.counted(endpoint.scanBudget(), () -> {
            try {
                readWebsites();
            } catch (MagentoException e) {
                // Any failed cycle: the source-items scan must not keep pausing on an index that finds nothing.
                serves(false);
                status.failed(e.getMessage());
                if (availability.failed(e)) {
                    status.consumerStopped(); // not judged while the paced scans stand in
                }
            } catch (RuntimeException e) {
                // Never let a failure end the schedule: the next cycle tries again.
                serves(false);
                status.failed("unexpected failure: " + e);
                availability.failed(e);
            }
        });
    }

    private void readWebsites() {
        Map<StoreViewScope, List<String>> websites = StockStates.websites(endpoint, synced);
        if (websites.isEmpty()) {
            if (!synced.isEmpty() && synced.stream().anyMatch(endpoint.store()::servesStorefront)) {
                // The stock resolver needs the same grant and modules as the dump: the salable look-up names which.
                availability.absent("no store view read names a stock (GET /V1/inventory/stock-resolver refused or"
                                    + " missing)");
                serves(false);
                status.consumerStopped(); // not judged while the paced scans stand in
            }
            return; // nothing synced yet, or no store view with a stock
        }
        if (!status.running()) {
            status.consumerStarted(interval);
        }
        status.started();
        MagentoException failed = null;
        for (Map.Entry<StoreViewScope, List<String>> website : websites.entrySet()) {
            if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                status.failed("stopped");
                return;
            }
            try {
                read(website.getKey(), website.getValue());
            } catch (MagentoException e) {
                failed = failed == null ? e : failed; // the other websites are still read
            }
        }
        if (failed != null) {
            throw failed;
        }
        status.succeeded();
        availability.recovered();
        serves(true);
    }

    /** Whether the source-items scan may rely on this pass: never set by a cycle that ends after the stop. */
    private void serves(boolean serves) {
        if (!serves || running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            endpoint.store().signals().stockIndexServes(serves);
        }
    }

    private void read(StoreViewScope website, List<String> stores) {
        // A cycle per attempt: an answer cut short and asked again compares only what the whole answer holds.
        StockStates.Cycle cycle = StockIndexDump.read(endpoint.scanClient(stores.get(0)), website.websiteCode(),
                () -> states.begin(website.websiteCode(), stores));
        Set<String> changed = cycle.finish();
        // The source-items topic follows too, between the paced scan's cycles.
        endpoint.store().signals().sourceItemsChanged(changed);
        if (cycle.baseline()) {
            LOG.info("magento:{} stock index of website {} (stock {}): baseline of {} SKUs taken; every {} a cycle"
                     + " publishes again the products whose quantity or salable flag changed", endpoint.getStream(),
                    website.websiteCode(), website.stockId(), cycle.rows(), ScanCycleEstimate.readable(interval));
        } else if (!changed.isEmpty()) {
            LOG.info("magento:{} stock index of website {} (stock {}): {} of {} SKUs changed; publishing them again in"
                     + " store view{} {}", endpoint.getStream(), website.websiteCode(), website.stockId(), changed.size(),
                    cycle.rows(), stores.size() == 1 ? "" : "s", String.join(", ", stores));
        }
    }
}
