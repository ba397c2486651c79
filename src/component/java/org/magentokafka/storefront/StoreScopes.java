package org.magentokafka.storefront;


import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.net.PercentEncoding;

/**
 * Reads a store view's {@link StoreViewScope}: its config ({@code GET /V1/store/storeConfigs?storeCodes[0]=...}),
 * its website's code ({@code GET /V1/store/websites}) and the website's stock
 * ({@code GET /V1/inventory/stock-resolver/website/{code}}). Three requests, cached with the metadata by the
 * caller.
 */
public final class StoreScopes {

    private StoreScopes() {
    }

    public static StoreViewScope load(MagentoClient client, String storeCode) {
        JsonNode configs = client.getJson("/V1/store/storeConfigs", "storeCodes%5B0%5D=" + PercentEncoding.encode(storeCode));
        JsonNode config = null;
        for (JsonNode c : configs) {
            if (storeCode.equals(c.path("code").asText())) {
                config = c;
            }
        }
        if (config == null) {
            throw new IllegalStateException("GET " + client.address().path("/V1/store/storeConfigs") + " has no store view '"
                                            + storeCode + "': check magento.store-codes against the store's store views");
        }
        int websiteId = config.path("website_id").asInt();
        String websiteCode = null;
        for (JsonNode w : client.getJson("/V1/store/websites", null)) {
            if (w.path("id").asInt() == websiteId) {
                websiteCode = w.path("code").asText();
            }
        }
        Integer stockId = null;
        if (websiteCode != null) {
            try {
                JsonNode stock = client.getJson("/V1/inventory/stock-resolver/website/" + PercentEncoding.encode(websiteCode), null,
                        "/V1/inventory/stock-resolver/website/{code}");
                stockId = stock.path("stock_id").asInt();
            } catch (MagentoException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return new StoreViewScope(storeCode, config.path("id").asInt(), websiteId, websiteCode,
                config.path("default_display_currency_code").asText(null), config.path("secure_base_media_url").asText(null),
                config.path("secure_base_link_url").asText(null), config.path("timezone").asText(null), stockId);
    }
}
