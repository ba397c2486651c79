package org.magentokafka.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Stock look-ups of one store started by the products consumer as soon as a page has arrived, on the page
 * fetchers, so they run in parallel with the next pages instead of one after another on the route's thread. The
 * route's Content Enricher ({@code magento:source-items}) takes the answer from here when it asks for the same set
 * of SKUs. Bounded: a look-up nobody takes (a route without enrichment) is dropped when newer ones arrive.
 */
public final class InventoryPrefetch {

    private static final int MAX_PENDING = 64;

    /** Which look-up an answer belongs to: the set of SKUs asked for, whatever their order. */
    record SkuSet(Set<String> skus) {

        SkuSet {
            skus = Set.copyOf(skus);
        }
    }

    private final Map<SkuSet, CompletableFuture<List<Map<String, Object>>>> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SkuSet, CompletableFuture<List<Map<String, Object>>>> eldest) {
            return size() > MAX_PENDING;
        }
    };

    /**
     * Announces a look-up before it runs, so the route waits for it rather than sending the same request again.
     */
    public CompletableFuture<List<Map<String, Object>>> register(Set<String> skus) {
        CompletableFuture<List<Map<String, Object>>> answer = new CompletableFuture<>();
        synchronized (pending) {
            pending.put(new SkuSet(skus), answer);
        }
        return answer;
    }

    public static void run(CompletableFuture<List<Map<String, Object>>> answer, Supplier<List<Map<String, Object>>> lookup) {
        try {
            answer.complete(lookup.get());
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The prefetched answer for exactly these SKUs, or null to look them up now. */
    public CompletableFuture<List<Map<String, Object>>> take(Set<String> skus) {
        synchronized (pending) {
            return pending.remove(new SkuSet(skus));
        }
    }
}
