package org.magentokafka.consumer.paging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.magentokafka.enrich.PageLookups;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.producer.ProductPageLookups;
import org.magentokafka.producer.SourceItemsProducer;
import org.magentokafka.stream.MagentoStream;

/**
 * Gives each products page its {@link PageLookups} and starts those the options prefetch on a page fetcher, in
 * parallel with the next pages, so the route's enrichers find them done instead of asking one after another on the
 * route's thread: with {@code prefetchInventory} its stock, with {@code prefetchStorefront} its storefront look-ups
 * in the page's store view (children, then salable quantities beside render-info). The stock look-up runs beside the
 * storefront ones, so a page costs three round trips in a row (page; stock and children; salable quantities and
 * render-info), whatever the five requests' order at the gate. Look-ups not prefetched (the option off, the attribute
 * metadata and category tree, which are cached) are asked when the route awaits them.
 */
public final class PageLookupPrefetch {

    private final PagingContext endpoint;
    private final MagentoStream stream;
    private final ProductPageLookups lookups;
    /** Where the second look-up of a pair runs: leaf tasks only, so it never waits for itself. */
    private final Executor parallel;

    public PageLookupPrefetch(PagingContext endpoint, Executor parallel) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.lookups = new ProductPageLookups(endpoint);
        this.parallel = parallel;
    }

    /** A page, and its prefetched look-ups right after it on the same fetcher (the page is returned with them done). */
    public FetchedPage fetchWithLookups(StoreSync sync, SearchCriteria criteria) {
        FetchedPage page = arrived(sync, sync.client().fetchPage(stream.resource(), criteria));
        Runnable prefetch = prefetch(page);
        if (prefetch != null) {
            prefetch.run();
        }
        return page;
    }

    /**
     * The page with its look-ups, none started yet (none for another stream's page).
     *
     * @param sync the store view's pass that read the page: the page's look-ups are in its store view, with its client
     */
    public FetchedPage arrived(StoreSync sync, Page page) {
        if (stream != MagentoStream.PRODUCTS) {
            return new FetchedPage(page, null);
        }
        boolean prefetched = endpoint.getConfiguration().isPrefetchStorefront();
        // Asked on the route's thread when not prefetched: one request after the other, as magento:products asks.
        return new FetchedPage(page, lookups.of(sync.client(), sync.store(), page.items(),
                prefetched ? parallel : Runnable::run));
    }

    /** What starts the page's look-ups that the options prefetch, to run on a fetcher; null when there is none. */
    public Runnable prefetch(FetchedPage page) {
        PageLookups lookups = page.lookups();
        if (lookups == null || SourceItemsProducer.skusOf(page.page().items()).isEmpty()) {
            return null;
        }
        // A guest is never served source items: nothing to ask ahead.
        boolean stock = endpoint.getConfiguration().isPrefetchInventory() && !endpoint.guest();
        boolean storefront = endpoint.getConfiguration().isPrefetchStorefront();
        if (!stock || !storefront) {
            return stock ? lookups.stock()::start : storefront ? lookups.storefront()::start : null;
        }
        return () -> {
            CompletableFuture<Void> beside = runBeside(lookups.stock()::start);
            lookups.storefront().start();
            beside.join(); // never fails: the look-up's failure is its answer's
        };
    }

    private CompletableFuture<Void> runBeside(Runnable lookup) {
        try {
            return CompletableFuture.runAsync(lookup, parallel);
        } catch (RejectedExecutionException e) {
            // The pool is stopping with the consumer: run it here so its answer is never left pending.
            lookup.run();
            return CompletableFuture.completedFuture(null);
        }
    }
}
