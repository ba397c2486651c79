package org.magentokafka.enrich;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.magentokafka.stream.MagentoConstants;

/**
 * The route's step that turns a page of products into a page of product events: awaits the page's
 * {@link PageLookups} (its stock, the store view's attribute metadata and category tree; a page that arrived
 * without them has them asked now, see {@link RequestedLookups}) and lets {@link ProductDocuments} combine them:
 * option labels, stock summed over sources, category paths. A look-up's failure is the page's (it is read again).
 */
public class ProductEnricher implements Processor {

    private final RequestedLookups requested = new RequestedLookups();

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        String store = exchange.getMessage().getHeader(MagentoConstants.STORE_CODE, String.class);
        List<Map<String, Object>> products = exchange.getMessage().getBody(List.class);
        PageLookups lookups = requested.of(exchange);
        Object stock = lookups.stock().await();
        AttributeCatalog attributes = lookups.attributes().await();
        CategoryPaths categories = lookups.categories().await();
        // Source items refused (a guest, an integration without the sources grant): the inventory is unknown, not zero.
        UnknownParts unknown = attributes.unknownParts().plus(categories.unknownParts());
        List<Map<String, Object>> sourceItems = null;
        if (stock instanceof UnknownParts inventoryUnknown) {
            unknown = inventoryUnknown.plus(unknown);
        } else {
            sourceItems = (List<Map<String, Object>>) stock;
        }
        exchange.getMessage().setBody(ProductDocuments.of(store, products, sourceItems, attributes, categories, unknown));
    }
}
