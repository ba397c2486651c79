package org.magentokafka.component;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.storefront.StoreScopes;
import org.magentokafka.stream.MagentoStream;

/**
 * The connection check's lines for the storefront look-ups of the products stream (issue 14), in its first store
 * view, GET only, one item where the endpoint pages: the store configs and websites (website scoping,
 * {@code Magento_Backend::store}), the stock resolver and salable quantities ({@code Magento_InventoryApi::stock};
 * a 404 = a store without the inventory modules, whose salable quantities fall back to source-item sums) and
 * products-render-info (anonymous; a 404 = prices from special-price dates and catalog/product/view URLs).
 * A missing grant fails the check and names the resource; a missing module is said and passes.
 */
final class StorefrontProbe {

    private static final String STORE_RESOURCE = StoreScopes.STORE_RESOURCE;
    private static final String STOCK_RESOURCE = StoreScopes.STOCK_RESOURCE;

    /** Magento's default website code, asked for when the store view's own is unknown. */
    private static final String GUESSED_WEBSITE = "base";

    private final MagentoClient client;
    private final String store;
    private final boolean guest;
    private final List<ConnectionProbe.Result> results = new ArrayList<>();

    private StorefrontProbe(MagentoClient client, String store, boolean guest) {
        this.client = client;
        this.store = store;
        this.guest = guest;
    }

    static List<ConnectionProbe.Result> probe(MagentoClient client, String store, boolean guest) {
        StorefrontProbe probe = new StorefrontProbe(client, store, guest);
        probe.run();
        return List.copyOf(probe.results);
    }

    private void run() {
        JsonNode config = storeConfig();
        String websiteCode = websiteCode(config == null ? null : config.path("website_id").asInt());
        if (guest) {
            String why = "NOT ASKED: never served to guests; with magento.auth.mode=none events carry salable null."
                         + " Use an integration granted " + STOCK_RESOURCE + " (magento.auth.mode=oauth1) for them";
            add("stock-resolver", "/V1/inventory/stock-resolver/website/{code}", true, why);
            add("salable-qty", "/V1/inventory/export-stock-salable-qty/website/{code}", true, why);
        } else {
            // Without the website's code (its grant is missing too) the grant of the stock is still worth knowing:
            // Magento checks the ACL resource before it looks at the code, so Magento's default code will do.
            String asked = websiteCode == null ? GUESSED_WEBSITE : websiteCode;
            String code = PercentEncoding.encode(asked);
            inventory("stock-resolver", "/V1/inventory/stock-resolver/website/" + code, null,
                    "/V1/inventory/stock-resolver/website/{code}", websiteCode == null);
            inventory("salable-qty", "/V1/inventory/export-stock-salable-qty/website/" + code,
                    SearchCriteria.paged(1).toQueryString(), "/V1/inventory/export-stock-salable-qty/website/{code}",
                    websiteCode == null);
        }
        renderInfo(config);
    }

    private JsonNode storeConfig() {
        String resource = "/V1/store/storeConfigs";
        try {
            for (JsonNode c : client.getJson(resource, "storeCodes%5B0%5D=" + PercentEncoding.encode(store))) {
                if (store.equals(c.path("code").asText())) {
                    add("store-configs", resource, true, "OK (store view " + store + " in website "
                                                         + c.path("website_id").asInt() + ", currency "
                                                         + c.path("default_display_currency_code").asText("?") + ")");
                    return c;
                }
            }
            add("store-configs", resource, false, "NO STORE VIEW '" + store + "': check magento.store-codes");
        } catch (MagentoException e) {
            add("store-configs", resource, false, refused(e, STORE_RESOURCE, "website scoping"));
        }
        return null;
    }

    /** @param websiteId the store view's website, or null when unknown (then the first selling website's) */
    private String websiteCode(Integer websiteId) {
        String resource = "/V1/store/websites";
        if (guest) {
            add("websites", resource, true, "NOT ASKED: never served to guests; guests need no website code"
                                            + " (the store configs scope the products)");
            return null;
        }
        try {
            for (JsonNode w : client.getJson(resource, null)) {
                int id = w.path("id").asInt();
                if (websiteId == null ? id > 0 : id == websiteId) {
                    String code = w.path("code").asText();
                    add("websites", resource, true, "OK (website " + id + " = " + code + ")");
                    return code;
                }
            }
            add("websites", resource, false, "NO WEBSITE " + websiteId + " in the list the store answered");
        } catch (MagentoException e) {
            add("websites", resource, false, refused(e, STORE_RESOURCE, "website scoping"));
        }
        return null;
    }

    /** @param guessed asked for {@link #GUESSED_WEBSITE}: only a refusal says something about this store view */
    private void inventory(String name, String resource, String query, String metricEndpoint, boolean guessed) {
        try {
            client.getJson(resource, query, metricEndpoint);
            add(name, resource, true, guessed ? notRefused() : "OK");
        } catch (MagentoException e) {
            boolean refusal = e.status() == 401 || e.status() == 403;
            if (guessed && !refusal) {
                add(name, resource, true, notRefused());
            } else if (notAModule(e)) {
                add(name, resource, true, "NO INVENTORY MODULES (404): salable quantities fall back to source-item sums");
            } else {
                add(name, resource, false, refused(e, STOCK_RESOURCE, "salable quantities"));
            }
        }
    }

    private static String notRefused() {
        return "NOT REFUSED (asked for website '" + GUESSED_WEBSITE + "': the store view's own is unknown, see websites)";
    }

    private void renderInfo(JsonNode config) {
        String resource = "/V1/products-render-info";
        if (config == null) {
            add("render-info", resource, true, "NOT ASKED: needs the store view's id and currency (see store-configs)");
            return;
        }
        String query = "storeId=" + config.path("id").asInt() + "&currencyCode="
                       + PercentEncoding.encode(config.path("default_display_currency_code").asText("")) + "&"
                       + SearchCriteria.paged(1).toQueryString();
        try {
            client.getJson(resource, query);
            add("render-info", resource, true, "OK");
        } catch (MagentoException e) {
            add("render-info", resource, notAModule(e), notAModule(e)
                    ? "NOT AVAILABLE (404): final prices from the special-price dates, URLs catalog/product/view/id/{id}"
                    : ConnectionProbe.classify(MagentoStream.PRODUCTS, e));
        }
    }

    /** Magento's router answers 404 (JSON) for a route no installed module declares. */
    private static boolean notAModule(MagentoException e) {
        return e.status() == 404 && !e.getMessage().contains("returned HTML");
    }

    /** A refusal names the resource to grant; other failures are classified as the streams' are. */
    private String refused(MagentoException e, String resource, String needed) {
        if (e.status() == 401 && guest) {
            return "NOT SERVED TO GUESTS: set Allow Anonymous Guest Access = Yes (Stores > Configuration > Services >"
                   + " Magento Web API > Web API Security), or use an integration granted " + resource
                   + " (magento.auth.mode=oauth1), needed for " + needed;
        }
        if ((e.status() == 401 || e.status() == 403) && !e.getMessage().contains("returned HTML")) {
            return "ACL MISSING (" + resource + ") or credentials refused: grant " + resource + " to the integration ("
                   + "needed for " + needed + "), or fix magento.auth.*";
        }
        return ConnectionProbe.classify(MagentoStream.PRODUCTS, e);
    }

    private void add(String name, String resource, boolean ok, String outcome) {
        results.add(new ConnectionProbe.Result(name, client.address().path(resource), ok, outcome));
    }
}
