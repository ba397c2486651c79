package org.magentokafka.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Stock look-ups started by the products consumer as soon as a page has arrived, on the page fetchers, so they
 * run in parallel with the next pages instead of one after another on the route's thread. The route's Content
 * Enricher ({@code magento:source-items}) takes the answer from here when it is the same set of SKUs. Bounded:
 * a look-up nobody takes (a route without enrichment) is dropped when newer ones arrive.
 */
final class InventoryPrefetch {

    private static final int MAX_PENDING = 64;

    private final Map<String, CompletableFuture<List<Map<String, Object>>>> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<List<Map<String, Object>>>> eldest) {
            return size() > MAX_PENDING;
        }
    };

    /**
     * Announces a look-up before it runs, so the route waits for it rather than sending the same request again.
     */
    CompletableFuture<List<Map<String, Object>>> register(String store, Set<String> skus) {
        CompletableFuture<List<Map<String, Object>>> answer = new CompletableFuture<>();
        synchronized (pending) {
            pending.put(key(store, skus), answer);
        }
        return answer;
    }

    static void run(CompletableFuture<List<Map<String, Object>>> answer, Supplier<List<Map<String, Object>>> lookup) {
        try {
            answer.complete(lookup.get());
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The prefetched answer for exactly these SKUs, or null to look them up now. */
    CompletableFuture<List<Map<String, Object>>> take(String store, Set<String> skus) {
        synchronized (pending) {
            return pending.remove(key(store, skus));
        }
    }

    private static String key(String store, Set<String> skus) {
        return store + "|" + String.join(",", new TreeSet<>(skus));
    }
}
