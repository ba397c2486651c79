package org.magentokafka.scan;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.consumer.CatalogSignals;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.storefront.StockIndexDump;
import org.magentokafka.storefront.StoreViewScope;

/**
 * What a website-wide stock read (the salable-quantity scan, the stock index pass) last saw per SKU, as a
 * {@link SalableFingerprint} in a state store of its own per website ({@code <name>.<website>}), so a change made
 * while the connector was down is still found; the first cycle on an empty state is the baseline. A change found
 * asks the products consumer to publish those SKUs again in every store view of the website, and is recorded only
 * once they were published (see {@link CatalogSignals#awaiting}): a crash in between leaves the old state, so the
 * cycle after the restart finds the change again. Used by one thread at a time (its scan's).
 */
final class StockStates {

    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StreamContext endpoint;
    private final String name;
    /** Per website: the changed states whose products are not published yet. */
    private final Map<String, Map<String, KeyVersion>> unpublished = new HashMap<>();

    /** @param name the state's name, e.g. salable-quantities */
    StockStates(StreamContext endpoint, String name) {
        this.endpoint = endpoint;
        this.name = name;
    }

    /**
     * The websites with a stock of the store views given (those the products stream synced and enriches for the
     * storefront), each with its store views, keyed by its first store view's scope. A store view whose scope names
     * no stock (no inventory modules, or the stock resolver refused) is left out: its events use source items.
     */
    static Map<StoreViewScope, List<String>> websites(StreamContext endpoint, Set<String> synced) {
        Map<String, StoreViewScope> first = new LinkedHashMap<>();
        Map<String, List<String>> stores = new LinkedHashMap<>();
        for (String store : endpoint.storeCodes()) {
            if (!synced.contains(store) || !endpoint.store().servesStorefront(store)) {
                continue;
            }
            MagentoClient client = endpoint.scanClient(store);
            StoreViewScope scope = endpoint.storefrontLookups().scope(client);
            if (scope.websiteCode() != null && scope.stockId() != null) {
                first.putIfAbsent(scope.websiteCode(), scope);
                stores.computeIfAbsent(scope.websiteCode(), k -> new ArrayList<>()).add(store);
            }
        }
        Map<StoreViewScope, List<String>> out = new LinkedHashMap<>();
        first.forEach((code, scope) -> out.put(scope, stores.get(code)));
        return out;
    }

    /** Starts one cycle over a website's stock, after recording the changes published since the last one. */
    Cycle begin(String websiteCode, List<String> stores) {
        StateStore state = endpoint.stateOf(name, websiteCode);
        recordPublished(websiteCode, stores, state);
        return new Cycle(websiteCode, stores, state);
    }

    /** One read of a website's whole stock: every SKU it lists is {@link #see seen}, then {@link #finish}. */
    final class Cycle implements StockIndexDump.ItemSink {
        private final String websiteCode;
        private final List<String> stores;
        private final StateStore state;
        private final boolean baseline;
        private final Map<String, KeyVersion> held;
        private final KeyFingerprints seen = new KeyFingerprints();
        private final Map<String, KeyVersion> changes = new HashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
        private long rows;

        private Cycle(String websiteCode, List<String> stores, StateStore state) {
            this.websiteCode = websiteCode;
            this.stores = stores;
            this.state = state;
            this.baseline = state.watermark() == null;
            this.held = unpublished.getOrDefault(websiteCode, Map.of());
        }

        /** Whether this cycle takes the baseline (nothing seen before to compare with). */
        boolean baseline() {
            return baseline;
        }

        /** One SKU's state as read now; false when this cycle saw the SKU already (an answer repeating itself). */
        boolean see(String sku, double quantity, boolean salable) {
            if (seen.contains(sku)) {
                return false;
            }
            seen.add(sku);
            rows++;
            long hash = SalableFingerprint.of(quantity, salable);
            // Against what was last found, published or not (not asked for again every cycle meanwhile).
            KeyVersion before = held.getOrDefault(sku, state.version(sku));
            if (before.hash() == null || before.hash() != hash) {
                changes.put(sku, before.next(hash));
                changed.add(sku);
            }
            return true;
        }

        @Override
        public void item(String sku, double quantity, boolean salable) {
            see(sku, quantity, salable);
        }

        /** The SKUs this cycle saw. */
        long rows() {
            return rows;
        }

        /**
         * The whole stock was read: a SKU it no longer lists (removed from the website, deleted) is no longer salable
         * there. The baseline is recorded; later changes are asked for in the website's store views. Returns them.
         */
        Set<String> finish() {
            state.forEachKey(sku -> {
                KeyVersion before = held.getOrDefault(sku, state.version(sku));
                if (!seen.contains(sku) && before.live()) {
                    changes.put(sku, before.next(null));
                    changed.add(sku);
                }
            });
            if (baseline) {
                state.commit(changes);
                state.commitWatermark(LocalDateTime.now(ZoneOffset.UTC).format(MAGENTO_TIME));
                return Set.of();
            }
            if (!changed.isEmpty()) {
                unpublished.computeIfAbsent(websiteCode, k -> new HashMap<>()).putAll(changes);
                stores.forEach(store -> endpoint.store().signals().republish(store, changed));
            }
            return changed;
        }
    }

    /** Records the changed states of the products published since the last cycle. */
    private void recordPublished(String websiteCode, List<String> stores, StateStore state) {
        Map<String, KeyVersion> held = unpublished.get(websiteCode);
        if (held == null || held.isEmpty()) {
            return;
        }
        CatalogSignals signals = endpoint.store().signals();
        Map<String, KeyVersion> published = new HashMap<>();
        held.forEach((sku, version) -> {
            if (stores.stream().noneMatch(store -> signals.awaiting(store, sku))) {
                published.put(sku, version);
            }
        });
        state.commit(published);
        held.keySet().removeAll(published.keySet());
    }
}
