package org.magentokafka.enrich;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.enrich.ProductDocuments;
import org.magentokafka.stream.MagentoConstants;

/**
 * The route's step that turns a page of products into a page of product events: takes the look-ups the route's
 * Content Enrichers parked on the page (inventory, attribute metadata, category tree) and lets
 * {@link ProductDocuments} combine them.
 */
public class ProductEnricher implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        String store = exchange.getMessage().getHeader(MagentoConstants.STORE_CODE, String.class);
        List<Map<String, Object>> products = exchange.getMessage().getBody(List.class);
        Object sourceItemsLookup = exchange.getProperty(LookupAggregationStrategy.PREFIX + "source-items");
        AttributeCatalog attributes = exchange.getProperty(LookupAggregationStrategy.PREFIX + "product-attributes", AttributeCatalog.class);
        CategoryPaths categories = exchange.getProperty(LookupAggregationStrategy.PREFIX + "categories", CategoryPaths.class);
        if (sourceItemsLookup == null || attributes == null || categories == null) {
            throw new IllegalStateException("productEnricher needs the source-items, product-attributes and categories look-ups before it");
        }
        // Source items refused (a guest, an integration without the sources grant): the inventory is unknown, not zero.
        UnknownParts unknown = attributes.unknownParts().plus(categories.unknownParts());
        List<Map<String, Object>> sourceItems = null;
        if (sourceItemsLookup instanceof UnknownParts inventoryUnknown) {
            unknown = inventoryUnknown.plus(unknown);
        } else {
            sourceItems = (List<Map<String, Object>>) sourceItemsLookup;
        }
        exchange.getMessage().setBody(ProductDocuments.of(store, products, sourceItems, attributes, categories, unknown));
    }
}
