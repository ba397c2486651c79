package org.magentokafka.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.magentokafka.events.DeadLetter;

/**
 * A page of products as the documents to publish, each combined with the page's look-ups (stock, attribute
 * labels, category paths). An item that cannot be enriched (see {@link ItemCheck}) takes its place as a
 * dead-letter marker, so the rest of the page goes on and nothing is silently skipped.
 */
public final class ProductDocuments {

    private ProductDocuments() {
    }

    /**
     * @param sourceItems the page's source items, or null when the inventory is unknown (a guest is never shown
     *                    them, an integration may lack the sources grant): the documents then say
     *                    {@code inventory: null}, not zero stock
     * @param unknown     the parts the page's look-ups could not give, with why: listed in each document
     */
    @SuppressWarnings("unchecked")
    public static List<Object> of(String store, List<?> products, List<Map<String, Object>> sourceItems,
                                               AttributeCatalog attributes, CategoryPaths categories, UnknownParts unknown) {
        boolean inventoryKnown = sourceItems != null;
        Map<String, List<Map<String, Object>>> stock = inventoryKnown ? InventorySummary.bySku(sourceItems) : Map.of();
        List<Object> documents = new ArrayList<>(products.size());
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
            if (unknown.contains(EventPart.CATEGORIES)) {
                document.put("categories", null);
            }
            unknown.addTo(document);
            documents.add(document);
        }
        return documents;
    }
}
