package org.magentokafka.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.paging.ValueFilters;
import org.magentokafka.stream.MagentoStream;

/**
 * {@code magento:source-items}: the source items of every SKU in the body (a list of products), one
 * {@code sku in (...)} request per page, taken from the page fetchers when they already started it
 * ({@code prefetchInventory}).
 */
public final class SourceItemsProducer extends LookupProducer {

    public <E extends Endpoint & LookupContext> SourceItemsProducer(E endpoint) {
        super(endpoint);
    }

    @Override
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception {
        if (context().guest()) {
            notServedToGuests("inventory null (unknown)");
            return UnknownParts.of(EventPart.INVENTORY, Unavailable.NOT_FOR_GUESTS);
        }
        return inventory(client, store, skusOf(exchange.getMessage().getBody()));
    }

    /**
     * The page's source items; {@link UnknownParts} (inventory unknown, with why) when the integration lacks the
     * sources grant or the store has no inventory modules: the products are published without per-source stock.
     */
    private Object inventory(MagentoClient client, String store, Set<String> skus) throws Exception {
        var prefetched = context().store().inventoryPrefetch().take(Set.copyOf(skus));
        Object answer;
        try {
            answer = prefetched != null ? answerOf(prefetched) : sourceItemsOf(client, skus);
        } catch (MagentoException e) {
            answer = UnknownParts.of(EventPart.INVENTORY, Unavailable.orThrow(e, MagentoStream.SOURCE_ITEMS.aclResource(),
                    MagentoStream.SOURCE_ITEMS.resource()));
        }
        observe(store, Set.of(EventPart.INVENTORY), answer instanceof UnknownParts unknown ? unknown : UnknownParts.NONE);
        return answer;
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
