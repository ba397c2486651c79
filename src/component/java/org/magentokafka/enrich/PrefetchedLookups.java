package org.magentokafka.enrich;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Look-ups of one kind (a page's stock, a page's storefront look-ups) started by the products consumer as soon as
 * a page has arrived, on the page fetchers, so they run in parallel with the next pages instead of one after
 * another on the route's thread. The route's Content Enricher takes the answer from here when it asks for the same
 * key (for a page: its set of SKUs, whatever their order, and for a store view's look-up its store view). Bounded: a
 * look-up nobody takes (a route without that enrichment) is dropped when newer ones arrive, and the route then
 * simply asks itself.
 *
 * @param <T> the look-up's answer
 */
public final class PrefetchedLookups<T> {

    /** More than the pages a pass holds in flight (read ahead, queued, being enriched) at any supported concurrency. */
    private static final int MAX_PENDING = 256;

    private final Map<Object, CompletableFuture<T>> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<T>> eldest) {
            return size() > MAX_PENDING;
        }
    };

    /**
     * Announces a look-up before it runs, so the route waits for it rather than sending the same requests again.
     *
     * @param key what identifies the look-up (a value: equal keys mean the same answer)
     */
    public CompletableFuture<T> register(Object key) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        synchronized (pending) {
            pending.put(key, answer);
        }
        return answer;
    }

    /** Runs the look-up into its announced answer; a failure becomes the answer's (the route then fails the page). */
    public static <T> void run(CompletableFuture<T> answer, Supplier<T> lookup) {
        try {
            answer.complete(lookup.get());
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The prefetched answer for exactly this key, or null to look it up now. Taken once. */
    public CompletableFuture<T> take(Object key) {
        synchronized (pending) {
            return pending.remove(key);
        }
    }
}
