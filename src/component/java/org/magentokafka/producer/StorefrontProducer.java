package org.magentokafka.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.storefront.ParentIndex;
import org.magentokafka.storefront.ParentLinksListing;
import org.magentokafka.storefront.StorefrontLookups;
import org.magentokafka.storefront.StorefrontPage;

/**
 * {@code magento:products} without a key, on a page of products: the page's storefront look-ups in its store
 * view (children, salable quantities, render-info; the store view's website, stock and URLs cached with the
 * metadata), taken from the page fetchers when they already started it ({@code prefetchStorefront}).
 */
public final class StorefrontProducer extends LookupProducer {

    public <E extends Endpoint & LookupContext> StorefrontProducer(E endpoint) {
        super(endpoint);
    }

    @Override
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception {
        StorefrontPage page = storefront(client, exchange);
        observe(store, EventPart.STOREFRONT, page.unknown());
        return page;
    }

    @SuppressWarnings("unchecked")
    private StorefrontPage storefront(MagentoClient client, Exchange exchange) throws Exception {
        List<Map<String, Object>> products = exchange.getMessage().getBody(List.class);
        List<Map<String, Object>> page = products == null ? List.of() : products;
        LookupContext context = context();
        var prefetched = context.store().storefrontPrefetch().take(StorefrontLookups.key(client,
                SourceItemsProducer.skusOf(page)));
        StorefrontPage looked = prefetched != null ? answerOf(prefetched)
                : context.storefrontLookups().of(client, page, Runnable::run);
        // At the route, in page order, not on the fetchers: the index must have seen every earlier page's links.
        context.store().storefrontAsked(client.address().storeCode());
        // Listed before the first page's look-up: the stream resumes from its watermark and does not re-read parents.
        ParentIndex parents = context.store().listedParents(index -> ParentLinksListing.rebuild(client,
                context.getConfiguration().getScanPageSize(), index));
        return withParents(looked, page, parents);
    }

    /** The page's configurables keep the child → parents index current; its children get their parents' SKUs. */
    static StorefrontPage withParents(StorefrontPage page, List<Map<String, Object>> rows, ParentIndex index) {
        index.update(rows);
        Map<String, List<String>> parents = new HashMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get("id") instanceof Number id && row.get("sku") != null) {
                List<String> skus = index.parentsOf(id.longValue());
                if (!skus.isEmpty()) {
                    parents.put(row.get("sku").toString(), skus);
                }
            }
        }
        return new StorefrontPage(page.scope(), page.children(), page.salable(), page.renderInfo(), parents, page.unknown());
    }
}
