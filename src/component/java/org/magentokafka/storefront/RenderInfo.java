package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.paging.SearchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code GET /V1/products-render-info} per page and store view ({@code storeId}, {@code currencyCode},
 * {@code entity_id in (...)} over the page and its children): final prices, min/max, storefront URLs.
 * <p>
 * Magento answers only the products in the website's price index (disabled, unassigned and, with "display out of
 * stock products" off, unsalable ones are missing) and its {@code total_count} counts only those, so one page of
 * the ids asked for is the whole answer. It is readable anonymously, so it works for guests too. A store without
 * it (404) is remembered for {@link #ABSENT_RECHECK_MINUTES} minutes, so pages do not each pay a 404, and said once.
 */
final class RenderInfo {

    private static final Logger LOG = LoggerFactory.getLogger(RenderInfo.class);
    static final String RESOURCE = "/V1/products-render-info";
    /** Magento refuses pages over 300 (2.4.7+), so at most 300 ids per request. */
    private static final int MAX_IDS = 300;
    /** How long a 404 counts before render-info is asked again (a module installed later is then picked up). */
    static final long ABSENT_RECHECK_MINUTES = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };
    /**
     * Store-view clients whose render-info answered 404, with when to ask again (nanoTime); by client, so a stopped
     * and started endpoint (or another store on a reused port, in tests) asks afresh and its entries go with it.
     */
    private static final Map<MagentoClient, Long> ABSENT = Collections.synchronizedMap(new WeakHashMap<>());
    /** Store views (store URL | store code) whose fallback was logged: once per process, whichever endpoint asked. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private RenderInfo() {
    }

    /** Items by entity id; null when the store has no products-render-info (404). */
    static Map<Long, Map<String, Object>> of(MagentoClient client, StoreViewScope scope, List<Map<String, Object>> products,
                                             Map<Long, Map<String, Object>> children) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Map<String, Object> product : products) {
            if (product.get("id") instanceof Number id) {
                ids.add(id.longValue());
            }
        }
        ids.addAll(children.keySet());
        Long recheck = ABSENT.get(client);
        if (recheck != null) {
            if (System.nanoTime() - recheck < 0) {
                return null;
            }
            ABSENT.remove(client);
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, Object>> items = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        try {
            for (int i = 0; i < all.size(); i += MAX_IDS) {
                List<Long> chunk = all.subList(i, Math.min(all.size(), i + MAX_IDS));
                for (JsonNode item : client.getJson(RESOURCE, query(scope, chunk)).path("items")) {
                    items.put(item.path("id").asLong(), kept(item));
                }
            }
        } catch (MagentoException e) {
            if (e.status() != 404) {
                throw e;
            }
            ABSENT.put(client, System.nanoTime() + TimeUnit.MINUTES.toNanos(ABSENT_RECHECK_MINUTES));
            if (LOGGED.add(client.address().baseUrl() + "|" + scope.storeCode())) {
                LOG.warn("GET {} answered 404 ({}): this store has no products-render-info, so events of store view {}"
                         + " carry prices computed from price and special_price dates in the store view's time zone"
                         + " (catalog price rules not applied; amounts in the website's base currency{}, labelled {}),"
                         + " urls.product as catalog/product/view/id/{id}/s/{url_key}/, and no product is taken as"
                         + " missing from the price index; said once", client.address().path(RESOURCE), cause(e),
                        scope.storeCode(), baseCurrencyNote(client, scope), scope.currency());
            }
            return null;
        }
        return items;
    }

    /** The query: the store view and its display currency, and the ids, one page of them. */
    static String query(StoreViewScope scope, List<Long> ids) {
        StringBuilder in = new StringBuilder();
        for (Long id : ids) {
            in.append(in.isEmpty() ? "" : ",").append(id);
        }
        SearchCriteria criteria = SearchCriteria.paged(ids.size())
                .withFilterGroup(new SearchCriteria.Filter("entity_id", in.toString(), "in"));
        return "storeId=" + scope.storeId() + "&currencyCode=" + PercentEncoding.encode(String.valueOf(scope.currency()))
               + "&" + criteria.toQueryString();
    }

    /** Only what the event uses (prices, URL, currency): a page of render-info items carries buttons and HTML too. */
    private static Map<String, Object> kept(JsonNode item) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("id", item.path("id").asLong());
        kept.put("url", item.path("url").isTextual() ? item.get("url").asText() : null);
        kept.put("currency_code", item.path("currency_code").isTextual() ? item.get("currency_code").asText() : null);
        kept.put("price_info", item.has("price_info") ? MAPPER.convertValue(item.get("price_info"), ITEM) : Map.of());
        return kept;
    }

    private static String cause(MagentoException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("Request does not match any route") ? "Request does not match any route." : "Not Found";
    }

    /**
     * Without render-info no conversion rate is readable: the amounts are the product's, in the base currency. One
     * request (storeConfigs), once per store view and process, to say whether that differs from the label.
     */
    private static String baseCurrencyNote(MagentoClient client, StoreViewScope scope) {
        try {
            for (JsonNode config : client.getJson("/V1/store/storeConfigs", "storeCodes%5B0%5D=" + PercentEncoding.encode(scope.storeCode()))) {
                String base = config.path("base_currency_code").asText(null);
                if (scope.storeCode().equals(config.path("code").asText()) && base != null) {
                    return base.equals(scope.currency()) ? " " + base
                            : " " + base + ", NOT converted to the store view's display currency " + scope.currency();
                }
            }
        } catch (MagentoException e) {
            // The note is a detail of the line; the line itself matters.
        }
        return "";
    }
}
