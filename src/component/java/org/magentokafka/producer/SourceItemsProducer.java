package org.magentokafka.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;
import org.magentokafka.stream.MagentoStream;

/**
 * {@code magento:source-items}: the source items of every SKU in the body (a list of products), one
 * {@code sku in (...)} request per page; {@code UnknownParts} (inventory unknown, with why) when the store refuses
 * them ({@link ProductPageLookups#stock}).
 */
public final class SourceItemsProducer extends LookupProducer {

    private final ProductPageLookups lookups;

    public <E extends Endpoint & LookupContext> SourceItemsProducer(E endpoint) {
        super(endpoint);
        this.lookups = new ProductPageLookups(endpoint);
    }

    @Override
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception {
        return lookups.stock(client, store, skusOf(exchange.getMessage().getBody())).await();
    }

    /** The SKUs of a page of products (the body), in page order. */
    public static Set<String> skusOf(Object body) {
        Set<String> skus = new LinkedHashSet<>();
        if (body instanceof List<?> items) {
            for (Object o : items) {
                if (o instanceof Map<?, ?> item && item.get("sku") != null) {
                    skus.add(item.get("sku").toString());
                }
            }
        }
        return skus;
    }

    /** The source items of these SKUs: one {@code sku in (...)} request (more only past 300 items). */
    public static List<Map<String, Object>> sourceItemsOf(MagentoClient client, Set<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchCriteria.Filter filter : ValueFilters.of("sku", skus, Integer.MAX_VALUE)) {
            items.addAll(allPages(client, MagentoStream.SOURCE_ITEMS, List.of(filter)));
        }
        return items;
    }
}
