package org.magentokafka.component;

import java.util.Set;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.InventoryPrefetch;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * With {@code prefetchInventory}, a products page's stock look-up starts on the fetcher that brought the page, in
 * parallel with the next pages; the route's enricher ({@code magento:source-items}) then finds it done.
 */
final class StockPrefetch {

    private final MagentoEndpoint endpoint;
    private final MagentoStream stream;

    StockPrefetch(MagentoEndpoint endpoint) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
    }

    /** A page, and its stock look-up right after it on the same fetcher. */
    Page fetchWithStock(MagentoClient client, SearchCriteria criteria) {
        Page page = client.fetchPage(stream.resource(), criteria);
        Runnable lookup = lookupFor(page);
        if (lookup != null) {
            lookup.run();
        }
        return page;
    }

    /**
     * Registers the page's look-up (so the route waits for it rather than asking again) and returns it to be run,
     * or null when there is none to make.
     */
    Runnable lookupFor(Page page) {
        MagentoConfiguration conf = endpoint.getConfiguration();
        if (stream != MagentoStream.PRODUCTS || !conf.isPrefetchInventory() || page.items().isEmpty()
            || MagentoProducer.guest(conf)) {
            return null;
        }
        Set<String> skus = MagentoProducer.skusOf(page.items());
        if (skus.isEmpty()) {
            return null;
        }
        MagentoClient stockClient = endpoint.client(endpoint.storeCodes().get(0));
        var answer = endpoint.store().inventoryPrefetch().register(skus);
        return () -> InventoryPrefetch.run(answer, () -> MagentoProducer.sourceItemsOf(stockClient, skus));
    }
}
