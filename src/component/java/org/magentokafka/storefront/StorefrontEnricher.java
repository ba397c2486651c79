package org.magentokafka.storefront;

import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.PageLookups;
import org.magentokafka.enrich.RequestedLookups;
import org.magentokafka.events.NotInWebsite;

/**
 * The route's step after the product enricher: awaits the page's storefront look-ups in its store view (its
 * {@link PageLookups}: children, salable quantities, render-info, the children's parents; asked now when nobody
 * started them), then scopes the page's product events to the store view's website and adds what a storefront
 * needs (see {@link StorefrontFields}). A product of another website takes its place as a {@link NotInWebsite}
 * marker.
 */
public class StorefrontEnricher implements Processor {

    private final RequestedLookups requested = new RequestedLookups();

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        PageLookups lookups = requested.of(exchange);
        StorefrontPage storefront = (StorefrontPage) lookups.storefront().await();
        // The product enricher awaited them already (labels of the variants' options).
        AttributeCatalog attributes = lookups.attributes().await();
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
                StorefrontFields.addTo(document, product, storefront, attributes, pageById);
                storefront.unknown().addTo(document);
            }
        }
    }
}
