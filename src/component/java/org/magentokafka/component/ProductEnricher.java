package org.magentokafka.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.enrich.EnrichedProduct;
import org.magentokafka.enrich.InventorySummary;
import org.magentokafka.enrich.ItemCheck;
import org.magentokafka.events.DeadLetter;

/**
 * Turns a page of products into a page of product events, combining the look-ups the route's Content Enrichers
 * fetched for the page (inventory, attribute metadata, category tree).
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
        // A guest (magento.auth.mode=none) is never shown source items: the inventory is unknown, not zero.
        boolean inventoryKnown = sourceItemsLookup != GuestRefusal.INVENTORY;
        Map<String, List<Map<String, Object>>> stock = inventoryKnown
                ? InventorySummary.bySku((List<Map<String, Object>>) sourceItemsLookup) : Map.of();
        List<Map<String, Object>> documents = new ArrayList<>(products.size());
        for (Object item : products) {
            String problem = ItemCheck.problemOf(item);
            if (problem != null) {
                documents.add(DeadLetter.marker(item, problem));
                continue;
            }
            Map<String, Object> product = (Map<String, Object>) item;
            Map<String, Object> document = EnrichedProduct.of(store, product, attributes, stock.get(product.get("sku").toString()), categories);
            if (!inventoryKnown) {
                document.put("inventory", null);
            }
            documents.add(document);
        }
        exchange.getMessage().setBody(documents);
    }
}
