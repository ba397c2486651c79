package org.magentokafka.storefront;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.net.PercentEncoding;

/**
 * Reads a store view's {@link StoreViewScope}: its config ({@code GET /V1/store/storeConfigs?storeCodes[0]=...}),
 * its website's code ({@code GET /V1/store/websites}) and the website's stock
 * ({@code GET /V1/inventory/stock-resolver/website/{code}}). Three requests, cached with the metadata by the
 * caller under {@link #CACHE_KIND}, so a grant or module that appears is picked up at the next refresh.
 * <p>
 * Every part is optional (any store, any grants): a refusal (the integration lacks {@value #STORE_RESOURCE} or
 * {@value #STOCK_RESOURCE}) or a missing route makes the parts it feeds unknown, never a guess and never a held
 * page. Without the store configs the website is unknown: the store view's products are published as it lists
 * them, with website, displayable, prices and urls unknown; the stock grant is then still asked (Magento checks the
 * ACL resource before the website code, so Magento's default code {@code base} will do) to name what salable
 * needs. A store without the inventory modules answers 404 on the stock resolver: stock id null, salable
 * quantities then fall back to source-item sums. Guests (magento.auth.mode=none) are only ever served the store
 * configs (<i>Allow Anonymous Guest Access</i> opens them with the products): the websites and the stock resolver
 * are not asked, the scope has no website code and no stock, which guests do not need (salable quantities are
 * never served to them). Transient failures (5xx, 429, HTML, I/O) are thrown: the page waits for a retry.
 */
public final class StoreScopes {

    /** The metadata cache's kind for store scopes (refreshed with the attribute metadata and category trees). */
    public static final String CACHE_KIND = "store-scope";

    /** The ACL resource of the store configs and websites (Magento_Store's webapi.xml). */
    public static final String STORE_RESOURCE = "Magento_Backend::store";
    /** The ACL resource of the stock resolver and salable quantities (magento/inventory). */
    public static final String STOCK_RESOURCE = "Magento_InventoryApi::stock";
    private static final String STOCK_RESOLVER = "/V1/inventory/stock-resolver/website/{code}";
    /** Magento's default website code: the stock grant's probe when the store view's own is unknown. */
    private static final String GUESSED_WEBSITE = "base";

    private StoreScopes() {
    }

    /** An integration's scope: all three requests. */
    public static StoreViewScope load(MagentoClient client, String storeCode) {
        return load(client, storeCode, false);
    }

    /** @param guest magento.auth.mode=none: only the store configs are asked (the only part served to guests) */
    public static StoreViewScope load(MagentoClient client, String storeCode, boolean guest) {
        JsonNode config;
        try {
            config = config(client, storeCode);
        } catch (MagentoException e) {
            Unavailable why = Unavailable.orThrow(e, STORE_RESOURCE, "/V1/store/storeConfigs");
            UnknownParts unknown = UnknownParts.NONE;
            for (EventPart part : List.of(EventPart.WEBSITE, EventPart.DISPLAYABLE, EventPart.PRICES, EventPart.URLS)) {
                unknown = unknown.with(part, why);
            }
            Unavailable stock = guest ? null : stockGrant(client);
            return StoreViewScope.unknown(storeCode, unknown.with(EventPart.SALABLE, stock != null ? stock : why));
        }
        int websiteId = config.path("website_id").asInt();
        UnknownParts unknown = UnknownParts.NONE;
        String websiteCode = null;
        Integer stockId = null;
        if (!guest) {
            try {
                websiteCode = websiteCode(client, websiteId);
            } catch (MagentoException e) {
                unknown = unknown.with(EventPart.SALABLE, Unavailable.orThrow(e, STORE_RESOURCE, "/V1/store/websites"));
            }
        }
        if (websiteCode != null) {
            try {
                stockId = stockId(client, websiteCode);
            } catch (MagentoException e) {
                unknown = unknown.with(EventPart.SALABLE, Unavailable.orThrow(e, STOCK_RESOURCE, STOCK_RESOLVER));
            }
        }
        return new StoreViewScope(storeCode, config.path("id").asInt(), websiteId, websiteCode,
                config.path("default_display_currency_code").asText(null), config.path("secure_base_media_url").asText(null),
                config.path("secure_base_link_url").asText(null), config.path("timezone").asText(null), stockId, unknown);
    }

    private static JsonNode config(MagentoClient client, String storeCode) {
        JsonNode configs = client.getJson("/V1/store/storeConfigs", "storeCodes%5B0%5D=" + PercentEncoding.encode(storeCode));
        for (JsonNode c : configs) {
            if (storeCode.equals(c.path("code").asText())) {
                return c;
            }
        }
        throw new IllegalStateException("GET " + client.address().path("/V1/store/storeConfigs") + " has no store view '"
                                        + storeCode + "': check magento.store-codes against the store's store views");
    }

    /** The code of the website with this id, or null when the list does not show it. */
    private static String websiteCode(MagentoClient client, int websiteId) {
        for (JsonNode w : client.getJson("/V1/store/websites", null)) {
            if (w.path("id").asInt() == websiteId) {
                return w.path("code").asText(null);
            }
        }
        return null;
    }

    /** The website's stock, or null without the inventory modules (404). */
    private static Integer stockId(MagentoClient client, String websiteCode) {
        try {
            JsonNode stock = client.getJson("/V1/inventory/stock-resolver/website/" + PercentEncoding.encode(websiteCode), null,
                    STOCK_RESOLVER);
            return stock.path("stock_id").isNumber() ? stock.path("stock_id").asInt() : null;
        } catch (MagentoException e) {
            if (e.status() == 404 && !e.getMessage().contains("returned HTML")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether the stock grant is refused, asked with Magento's default website code when the store view's own is
     * unknown: null when granted (or when the answer says nothing lasting).
     */
    private static Unavailable stockGrant(MagentoClient client) {
        try {
            client.getJson("/V1/inventory/stock-resolver/website/" + GUESSED_WEBSITE, null, STOCK_RESOLVER);
            return null;
        } catch (MagentoException e) {
            Unavailable why = Unavailable.of(e, STOCK_RESOURCE, STOCK_RESOLVER);
            return why != null && why.grant() != null ? why : null;
        }
    }
}
