package org.magentokafka.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.storefront.StoreViewScope;
import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.CatalogSignals;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.WholeList;
import org.magentokafka.storefront.PriceWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The products stream's price pass: a special price whose window opens or closes changes the final price without
 * the product's {@code updated_at} moving, so no change poll sees it. Right after each store view's midnight (its
 * {@code timezone}), the pass lists the products whose {@code special_from_date} is one of the days since its last
 * pass, or whose {@code special_to_date} is the day before one of them ({@link PriceWindows}), and hands their SKUs
 * to the next products poll ({@link CatalogSignals#republish}); the content hash publishes only those whose event
 * really changed.
 * <p>
 * Why by dates rather than comparing every product's final price with the last one seen: the dates name exactly the
 * products whose special price moved, in two searches of SKUs per store view and day (within the scan budget, as a
 * scan on its own thread), while a comparison would read the whole catalog and render-info every day and keep a
 * final price per key beside the change state (whose budget, 64 MiB per 1,000,000 keys, is nearly spent). What it
 * does not see: catalog price rules' date windows (no REST resource lists them over GET); a full pass (an attribute
 * or category change) or an edit of the product refreshes those.
 * <p>
 * Per store view it keeps one date: the last day covered. A store view's first sync covers its day; after a restart
 * the state exists but the connector may have slept through midnights, so the first pass looks back
 * {@value #RESTART_LOOKBACK_DAYS} days. A failed pass leaves the date, so the next check tries again.
 */
final class PricePass {

    private static final Logger LOG = LoggerFactory.getLogger(PricePass.class);
    static final int RESTART_LOOKBACK_DAYS = 7;

    private final StreamContext endpoint;
    private final BooleanSupplier running;
    private final Duration checkInterval;
    /** Store views synced (products in Kafka), with the instant and whether it was their first sync. */
    private final Map<String, Synced> synced = new ConcurrentHashMap<>();
    /** Per store view: the last of its days whose price moves were handed on. */
    private final Map<String, LocalDate> covered = new ConcurrentHashMap<>();
    /**
     * Per store view: its time zone, read once from its scope (cached by the storefront enrichment), so the checks
     * between two midnights cost no request even when the cached scope has expired.
     */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    /** Per store view: the cause of its last failed check, until one succeeds. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ScanRunner runner;

    private record Synced(Instant at, boolean first) {
    }

    PricePass(StreamContext endpoint, BooleanSupplier running) {
        this.endpoint = endpoint;
        this.running = running;
        this.checkInterval = endpoint.getConfiguration().getPricePassCheckInterval();
        this.runner = new ScanRunner(endpoint, "MagentoPricePass");
    }

    void start(Object owner) {
        long pause = Math.max(1, checkInterval.toMillis());
        runner.start(owner, pause, pause, this::checkAll);
    }

    void stop() {
        runner.stop();
    }

    /**
     * The poll synced this store view's products: from now on its midnights count.
     *
     * @param firstSync the sync read everything with today's prices (nothing earlier to catch up on)
     */
    void ready(String store, boolean firstSync) {
        synced.putIfAbsent(store, new Synced(endpoint.clock().instant(), firstSync));
    }

    private void checkAll() {
        for (String store : endpoint.storeCodes()) {
            if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return;
            }
            Synced sync = synced.get(store);
            // Only for a route that publishes final prices (storefront look-ups), not raw products.
            if (sync != null && endpoint.store().servesStorefront(store)) {
                check(store, sync);
            }
        }
    }

    private void check(String store, Synced sync) {
        try {
            MagentoClient client = endpoint.scanClient(store);
            // The store view's scope as the storefront enrichment caches it (its first page loaded it).
            StoreViewScope scope = endpoint.storefrontLookups().scope(client);
            if (scope.unknown().contains(EventPart.PRICES)) {
                return; // the events carry no prices (a grant is missing): no price window to watch
            }
            ZoneId zone = zones.computeIfAbsent(store, s -> PriceWindows.zone(scope));
            LocalDate today = endpoint.clock().instant().atZone(zone).toLocalDate();
            LocalDate after = covered.computeIfAbsent(store, s -> {
                LocalDate syncedOn = sync.at().atZone(zone).toLocalDate();
                return sync.first() ? syncedOn : syncedOn.minusDays(RESTART_LOOKBACK_DAYS);
            });
            if (!today.isAfter(after)) {
                return;
            }
            Set<String> skus = new LinkedHashSet<>();
            // A scan sharing the budget only while it lists (a few requests a day), like the reconcile sweep.
            ScanRunner.counted(endpoint.scanBudget(), () -> {
                for (SearchCriteria search : PriceWindows.movedAfter(after, today, endpoint.getConfiguration().getScanPageSize())) {
                    skus.addAll(skus(client, search));
                }
            });
            endpoint.store().signals().republish(store, skus);
            covered.put(store, today);
            LOG.info("magento:{} price pass of store view {} ({}, {}): {} product{} whose special price window opened or"
                     + " closed after {}, read again by the next poll", endpoint.getStream(), store, zone, today,
                    skus.size(), skus.size() == 1 ? "" : "s", after);
            failures.remove(store);
        } catch (MagentoException e) {
            if (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                failed(store, e.getMessage());
            }
        } catch (RuntimeException e) {
            // Never let a failure end the schedule: the next check tries again.
            failed(store, "unexpected failure: " + e);
        }
    }

    /** Said once per store view and cause: a store that is down would otherwise repeat it at every check. */
    private void failed(String store, String message) {
        if (!message.equals(failures.put(store, message))) {
            LOG.warn("magento:{} price pass of store view {} failed: {} (tried again every {} s; said again only when the"
                     + " cause changes)", endpoint.getStream(), store, message, checkInterval.toSeconds());
        } else {
            LOG.debug("magento:{} price pass of store view {} failed again: {}", endpoint.getStream(), store, message);
        }
    }

    /** The SKUs of one search, keys only ({@code fields=items[sku],total_count}), page after page. */
    private List<String> skus(MagentoClient client, SearchCriteria search) {
        List<String> skus = new ArrayList<>();
        PageBounds bounds = WholeList.read(search.pageSize(), number -> client.fetchPage(endpoint.stream().resource(),
                search.withPage(number), "items[sku],total_count"), PricePass::skusOf, page -> skus.addAll(skusOf(page)));
        if (!bounds.consistent()) {
            // What the answers did not show may still have moved: the date stays, the next check lists again.
            throw new MagentoException("GET " + client.address().path(endpoint.stream().resource()), 0, true,
                    "GET " + client.address().path(endpoint.stream().resource()) + " answered an inconsistent list: "
                    + bounds.problem().detail());
        }
        return skus;
    }

    private static List<String> skusOf(Page page) {
        List<String> keys = new ArrayList<>();
        page.items().forEach(item -> keys.add(String.valueOf(item.get("sku"))));
        return keys;
    }
}
