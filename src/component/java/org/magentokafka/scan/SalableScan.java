package org.magentokafka.scan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.consumer.StreamSettings;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.storefront.SalableExport;
import org.magentokafka.storefront.StoreViewScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders create reservations that move salable quantities without touching products or source items, so no
 * change poll sees them: this scan reads the whole stock of every website the products consumer's store views
 * belong to ({@code export-stock-salable-qty/website/{code}}, {@link StreamSettings#getScanPageSize() scanPageSize} per
 * page, through the store's scan budget, on a thread of its own) and asks the products consumer to publish again
 * exactly the SKUs whose salable state (quantity, is_salable) moved, in every store view of that website; the
 * content hash then publishes only real changes. A configurable whose last child sold out is reported not salable
 * by Magento itself, so it is among them.
 * <p>
 * The states seen are kept per website ({@link StockStates}, {@code salable-quantities.<website>}), so an order placed
 * while the connector was down is still found; the first cycle on an empty state is the baseline. A change is
 * recorded there only after its products were published, so a crash in between does not lose it.
 */
final class SalableScan {

    private static final Logger LOG = LoggerFactory.getLogger(SalableScan.class);
    static final String STATE = "salable-quantities";

    private final StreamContext endpoint;
    private final BooleanSupplier running;
    private final Duration pause;
    private final ScanCycles cycles;
    private final ScanRunner runner;
    /** What each website's stock last showed, and the changes not published yet. */
    private final StockStates states;
    /** The store views whose products were synced once: a website is scanned only then (see {@link #ready}). */
    private final Set<String> synced = ConcurrentHashMap.newKeySet();
    /** The last failure logged: a store refusing every cycle the same way is said once, not every few seconds. */
    private volatile String lastFailure;

    /** @param pause the least pause between two cycles (the products stream's poll interval) */
    SalableScan(StreamContext endpoint, BooleanSupplier running, Duration pause) {
        this.endpoint = endpoint;
        this.running = running;
        this.pause = pause;
        this.cycles = new ScanCycles(endpoint, "salable-quantity scan", "cycle", null);
        this.runner = new ScanRunner(endpoint, "MagentoSalableScan");
        this.states = new StockStates(endpoint, STATE);
    }

    void start(Object owner) {
        // At once: the baseline should follow the products' first sync as closely as possible (see ready).
        runner.start(owner, 0, Math.max(1, pause.toMillis()), this::scanAll);
    }

    /**
     * The products stream synced this store view once: its website's stock may be scanned from now on. Not before:
     * the baseline then follows the events it must be compared with, and a store refusing the products (or the
     * store scope) says so once, from the products poll, not also from here.
     */
    void ready(String store) {
        synced.add(store);
    }

    void stop() {
        runner.stop();
    }

    private void scanAll() {
        ScanRunner.counted(endpoint.scanBudget(), () -> {
            try {
                for (Map.Entry<StoreViewScope, List<String>> website : StockStates.websites(endpoint, synced).entrySet()) {
                    if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    scan(website.getKey(), website.getValue());
                }
                if (lastFailure != null) {
                    LOG.info("magento:{} salable-quantity scan recovered", endpoint.getStream());
                    lastFailure = null;
                }
            } catch (MagentoException e) {
                warn(e.getMessage());
            } catch (RuntimeException e) {
                // Never let a failure end the schedule: the next cycle tries again.
                warn("unexpected failure: " + e);
            }
        });
    }

    private void scan(StoreViewScope website, List<String> stores) {
        StockStates.Cycle cycle = states.begin(website.websiteCode(), stores);
        MagentoClient client = endpoint.scanClient(stores.get(0));
        int pageSize = endpoint.getConfiguration().getScanPageSize();
        try {
            for (int number = 1; ; number++) {
                if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return; // a cycle cut short compares nothing: what it did not read is not gone
                }
                List<SalableExport.Item> items = SalableExport.page(client, website.websiteCode(),
                        SearchCriteria.paged(pageSize).withPage(number));
                int fresh = 0;
                for (SalableExport.Item item : items) {
                    fresh += cycle.see(item.sku(), item.quantity(), item.isSalable()) ? 1 : 0;
                }
                // total_count is not trusted (capped at the page size before 2.4.9): a short page is the last; a page
                // that shows nothing new (an answer repeating itself past the end) ends the cycle too.
                if (items.size() < pageSize || fresh == 0) {
                    break;
                }
            }
        } catch (MagentoException e) {
            if (e.noSuchRoute()) {
                return; // no inventory modules after all: the events fall back to source items (said by the look-up)
            }
            throw e;
        }
        Set<String> changed = cycle.finish();
        if (cycle.baseline()) {
            LOG.info("magento:{} salable-quantity scan of website {} (stock {}): baseline of {} SKUs taken; later cycles"
                     + " publish again the products whose salable state changed", endpoint.getStream(), website.websiteCode(),
                    website.stockId(), cycle.rows());
        } else if (!changed.isEmpty()) {
            LOG.info("magento:{} salable-quantity scan of website {} (stock {}): {} of {} SKUs changed their salable state;"
                     + " publishing them again in store view{} {}", endpoint.getStream(), website.websiteCode(),
                    website.stockId(), changed.size(), cycle.rows(), stores.size() == 1 ? "" : "s", String.join(", ", stores));
        }
        if (endpoint.scanBudget().paced()) {
            cycles.sized(stores.get(0), cycle.rows(), pageSize);
        }
    }

    private void warn(String message) {
        if (message.equals(lastFailure)) {
            LOG.debug("magento:{} salable-quantity scan failed again: {}", endpoint.getStream(), message);
        } else if (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            lastFailure = message;
            LOG.warn("magento:{} salable-quantity scan failed: {} (next cycle in {} s)", endpoint.getStream(), message,
                    pause.toSeconds());
        }
    }
}
