package org.magentokafka.producer;

import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.storefront.StorefrontPage;

/**
 * {@code magento:products} without a key, on a page of products: the page's storefront look-ups in its store
 * view as a {@link StorefrontPage} (children, salable quantities, render-info; the store view's website, stock and
 * URLs cached with the metadata), asked now, one request after the other ({@link ProductPageLookups#storefront}).
 */
public final class StorefrontProducer extends LookupProducer {

    private final ProductPageLookups lookups;

    public <E extends Endpoint & LookupContext> StorefrontProducer(E endpoint) {
        super(endpoint);
        this.lookups = new ProductPageLookups(endpoint);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception {
        List<Map<String, Object>> products = exchange.getMessage().getBody(List.class);
        return lookups.storefront(client, store, products == null ? List.of() : products, Runnable::run).await();
    }
}
