package org.magentokafka.consumer.paging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.PrefetchedLookups;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.producer.SourceItemsProducer;
import org.magentokafka.storefront.StorefrontLookups;
import org.magentokafka.stream.MagentoStream;

/**
 * A products page's look-ups started on the fetcher that brought the page, in parallel with the next pages, so the
 * route's enrichers find them done instead of asking one after another on the route's thread: with
 * {@code prefetchInventory} its stock ({@code magento:source-items}), with {@code prefetchStorefront} its storefront
 * look-ups in the page's store view ({@code magento:products}: children, then salable quantities beside
 * render-info). The stock look-up runs beside the storefront ones, so a page costs three round trips in a row
 * (page; stock and children; salable quantities and render-info), whatever the five requests' order at the gate.
 */
public final class PageLookupPrefetch {

    private final PagingContext endpoint;
    private final MagentoStream stream;
    /** Where the second look-up of a pair runs: leaf tasks only, so it never waits for itself. */
    private final Executor parallel;

    public PageLookupPrefetch(PagingContext endpoint, Executor parallel) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.parallel = parallel;
    }

    /** A page, and its look-ups right after it on the same fetcher (the future of the page is done with them). */
    public Page fetchWithLookups(MagentoClient client, SearchCriteria criteria) {
        Page page = client.fetchPage(stream.resource(), criteria);
        Runnable lookups = lookupsFor(client, page);
        if (lookups != null) {
            lookups.run();
        }
        return page;
    }

    /**
     * Registers the page's look-ups (so the route waits for them rather than asking again) and returns them to be
     * run, or null when there are none to make.
     *
     * @param client the client the page was read with: the storefront look-ups are the page's store view's
     */
    public Runnable lookupsFor(MagentoClient client, Page page) {
        if (stream != MagentoStream.PRODUCTS || page.items().isEmpty()) {
            return null;
        }
        Set<String> skus = SourceItemsProducer.skusOf(page.items());
        if (skus.isEmpty()) {
            return null;
        }
        Runnable stock = stockLookup(skus);
        Runnable storefront = storefrontLookup(client, page.items(), skus);
        if (stock == null || storefront == null) {
            return stock != null ? stock : storefront;
        }
        return () -> {
            CompletableFuture<Void> beside = runBeside(stock);
            storefront.run();
            beside.join(); // never fails: the look-up's failure is its answer's
        };
    }

    private Runnable stockLookup(Set<String> skus) {
        if (!endpoint.getConfiguration().isPrefetchInventory() || endpoint.guest()) {
            return null;
        }
        MagentoClient stockClient = endpoint.client(endpoint.storeCodes().get(0));
        var answer = endpoint.store().inventoryPrefetch().register(Set.copyOf(skus));
        return () -> PrefetchedLookups.run(answer, () -> SourceItemsProducer.sourceItemsOf(stockClient, skus));
    }

    private Runnable storefrontLookup(MagentoClient client, List<Map<String, Object>> products, Set<String> skus) {
        if (!endpoint.getConfiguration().isPrefetchStorefront()) {
            return null;
        }
        var answer = endpoint.store().storefrontPrefetch().register(StorefrontLookups.key(client, skus));
        return () -> PrefetchedLookups.run(answer, () -> endpoint.storefrontLookups().of(client, products, parallel));
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
