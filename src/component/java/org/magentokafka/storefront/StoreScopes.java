package org.magentokafka.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.net.PercentEncoding;

/**
 * Reads a store view's {@link StoreViewScope}: its config ({@code GET /V1/store/storeConfigs?storeCodes[0]=...}),
 * its website's code ({@code GET /V1/store/websites}) and the website's stock
 * ({@code GET /V1/inventory/stock-resolver/website/{code}}). Three requests, cached with the metadata by the
 * caller under {@link #CACHE_KIND}.
 * <p>
 * An integration refused one of them lacks an ACL resource: that is an error naming the resource, never a
 * fallback (a scope guessed wrong would publish another website's products). A store without the inventory modules
 * answers 404 on the stock resolver: stock id null, salable quantities then fall back to source-item sums. Guests
 * (magento.auth.mode=none) are only ever served the store configs (<i>Allow Anonymous Guest Access</i> opens them
 * with the products): the websites and the stock resolver are not asked, the scope has no website code and no
 * stock, which guests do not need (salable quantities are never served to them).
 */
public final class StoreScopes {

    /** The metadata cache's kind for store scopes (refreshed with the attribute metadata and category trees). */
    public static final String CACHE_KIND = "store-scope";

    /** The ACL resource of the store configs and websites (Magento_Store's webapi.xml). */
    public static final String STORE_RESOURCE = "Magento_Backend::store";
    /** The ACL resource of the stock resolver and salable quantities (magento/inventory). */
    public static final String STOCK_RESOURCE = "Magento_InventoryApi::stock";

    private StoreScopes() {
    }

    /** An integration's scope: all three requests. */
    public static StoreViewScope load(MagentoClient client, String storeCode) {
        return load(client, storeCode, false);
    }

    /** @param guest magento.auth.mode=none: only the store configs are asked (the only part served to guests) */
    public static StoreViewScope load(MagentoClient client, String storeCode, boolean guest) {
        JsonNode config = config(client, storeCode);
        int websiteId = config.path("website_id").asInt();
        String websiteCode = guest ? null : websiteCode(client, websiteId);
        Integer stockId = websiteCode == null ? null : stockId(client, websiteCode);
        return new StoreViewScope(storeCode, config.path("id").asInt(), websiteId, websiteCode,
                config.path("default_display_currency_code").asText(null), config.path("secure_base_media_url").asText(null),
                config.path("secure_base_link_url").asText(null), config.path("timezone").asText(null), stockId);
    }

    private static JsonNode config(MagentoClient client, String storeCode) {
        JsonNode configs;
        try {
            configs = client.getJson("/V1/store/storeConfigs", "storeCodes%5B0%5D=" + PercentEncoding.encode(storeCode));
        } catch (MagentoException e) {
            throw refused(e, STORE_RESOURCE, "the store view's website, currency and base URLs");
        }
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
        JsonNode websites;
        try {
            websites = client.getJson("/V1/store/websites", null);
        } catch (MagentoException e) {
            throw refused(e, STORE_RESOURCE, "the code of the store view's website");
        }
        for (JsonNode w : websites) {
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
                    "/V1/inventory/stock-resolver/website/{code}");
            return stock.path("stock_id").isNumber() ? stock.path("stock_id").asInt() : null;
        } catch (MagentoException e) {
            if (e.status() == 404 && !e.getMessage().contains("returned HTML")) {
                return null;
            }
            throw refused(e, STOCK_RESOURCE, "the website's stock, whose salable quantities the events carry");
        }
    }

    /**
     * A 401 (Magento's answer to a missing ACL resource) or a JSON 403 as one line naming the endpoint and the
     * resource to grant; anything else (HTML from a WAF, 5xx, I/O) keeps the client's own line.
     */
    static MagentoException refused(MagentoException e, String resource, String needed) {
        boolean html = e.getMessage() != null && e.getMessage().contains("returned HTML");
        if ((e.status() != 401 && e.status() != 403) || html) {
            return e;
        }
        return new MagentoException(e.endpoint(), e.status(), false, e.endpoint() + " answered " + e.status()
                                                                    + ": the integration lacks the ACL resource " + resource
                                                                    + ", needed for " + needed
                                                                    + " (or the credentials were refused). Fix: grant " + resource
                                                                    + " in System > Extensions > Integrations > API, or check magento.auth.*");
    }
}
