package org.magentokafka.storefront;

import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.LookupAggregationStrategy;
import org.magentokafka.events.NotInWebsite;

/**
 * The route's step after the product enricher: scopes the page's product events to the store view's website and
 * adds what a storefront needs (see {@link StorefrontFields}) from the {@code magento:products} look-up parked on
 * the page. A product of another website takes its place as a {@link NotInWebsite} marker. Without the look-up
 * (a route that does not ask for it) the documents pass unchanged.
 */
public class StorefrontEnricher implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        StorefrontPage storefront = exchange.getProperty(LookupAggregationStrategy.PREFIX + "products", StorefrontPage.class);
        if (storefront == null) {
            return;
        }
        AttributeCatalog attributes = exchange.getProperty(LookupAggregationStrategy.PREFIX + "product-attributes", AttributeCatalog.class);
        List<Object> documents = exchange.getMessage().getBody(List.class);
        Map<Long, Map<String, Object>> pageById = new HashMap<>();
        for (Object each : documents) {
            if (each instanceof Map<?, ?> document && document.get("product") instanceof Map<?, ?> row
                && row.get("id") instanceof Number id) {
                pageById.put(id.longValue(), (Map<String, Object>) row);
            }
        }
        for (ListIterator<Object> it = documents.listIterator(); it.hasNext(); ) {
            if (!(it.next() instanceof Map<?, ?> each) || !(each.get("product") instanceof Map<?, ?> row)) {
                continue; // a dead-letter marker
            }
            Map<String, Object> document = (Map<String, Object>) each;
            Map<String, Object> product = (Map<String, Object>) row;
            if (!storefront.scope().inWebsite(product)) {
                it.set(NotInWebsite.marker(String.valueOf(product.get("sku"))));
            } else {
                StorefrontFields.addTo(document, product, storefront,
                        attributes == null ? AttributeCatalog.of(List.of()) : attributes, pageById);
                storefront.unknown().addTo(document);
            }
        }
    }
}
