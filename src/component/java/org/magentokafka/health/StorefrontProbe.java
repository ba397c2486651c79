package org.magentokafka.health;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.AdminGrants;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.storefront.StoreScopes;
import org.magentokafka.stream.MagentoStream;

/**
 * The connection check's lines for the optional parts of product events (the storefront look-ups), in the products
 * stream's first store view, GET only, one item where the endpoint pages: the store configs and websites (website
 * scoping, displayable, prices and urls; {@code Magento_Backend::store}), the stock resolver and salable quantities
 * (salable; {@code Magento_InventoryApi::stock}) and products-render-info (prices and urls; anonymous).
 * <p>
 * Setup guides merchants follow grant neither resource (docs/magento-rest-facts.md, "Grants and modules in the
 * field"), so none of these lines fails the check: each is optional ({@link ConnectionProbe.Result#core()} false)
 * and starts with one of
 * <ul>
 * <li>{@code OK}: the part answered;</li>
 * <li>{@code OPTIONAL}: the part is missing until the merchant changes the store: a refusal (401/403) names the
 * grant as the admin shows it, its ACL id and what it adds; a 404 "no route" names the module the store lacks and
 * what falls back (salable quantities to source-item sums, prices to the special-price dates);</li>
 * <li>{@code WARN}: the look-up failed otherwise (5xx, an HTML/WAF page, a timeout, an answer without the store
 * view), with the reason. Most of these pass on a retry, and a store that is truly down fails the core streams'
 * lines anyway: failing the check on a look-up the events do without would only block a deploy that works;</li>
 * <li>{@code NOT ASKED}: never served to guests, or the look-up needs another line's answer.</li>
 * </ul>
 */
final class StorefrontProbe {

    /** An optional part: its ACL resource, what it adds to product events, what happens without its routes. */
    private record Part(String resource, String adds, String withoutRoute) {

        /** As the integration's API tab shows it, with the id: what the merchant ticks. */
        String granted() {
            return AdminGrants.label(resource);
        }
    }

    private static final Part STORE = new Part(StoreScopes.STORE_RESOURCE, "website scoping, displayable, prices and urls",
            "website scoping, displayable, prices and urls are left out");
    private static final Part STOCK = new Part(StoreScopes.STOCK_RESOURCE, "salable quantities",
            "salable quantities fall back to source-item sums");
    private static final String STORE_ROUTES = "Magento_Store's web API routes";

    /** Magento's default website code, asked for when the store view's own is unknown. */
    private static final String GUESSED_WEBSITE = "base";

    private final MagentoClient client;
    private final String store;
    private final boolean guest;
    private final List<ConnectionProbe.Result> results = new ArrayList<>();
    /** The store view's website code as the store answered it, or null. */
    private String websiteCode;

    private StorefrontProbe(MagentoClient client, String store, boolean guest) {
        this.client = client;
        this.store = store;
        this.guest = guest;
    }

    static StorefrontProbe probe(MagentoClient client, String store, boolean guest) {
        StorefrontProbe probe = new StorefrontProbe(client, store, guest);
        probe.run();
        return probe;
    }

    List<ConnectionProbe.Result> results() {
        return List.copyOf(results);
    }

    /** The store view's website code, or null when the store did not say (not granted, or a guest). */
    String websiteCode() {
        return websiteCode;
    }

    private void run() {
        JsonNode config = storeConfig();
        websiteCode = websiteCode(config == null ? null : config.path("website_id").asInt());
        if (guest) {
            String why = "NOT ASKED: never served to guests; with magento.auth.mode=none events carry salable null."
                         + " Use an integration (magento.auth.mode=oauth1) granted " + STOCK.granted() + " to add "
                         + STOCK.adds();
            add("stock-resolver", "/V1/inventory/stock-resolver/website/{code}", true, why);
            add("salable-qty", "/V1/inventory/export-stock-salable-qty/website/{code}", true, why);
        } else {
            // Without the website's code (its grant is missing too) the grant of the stock is still worth knowing:
            // Magento checks the ACL resource before it looks at the code, so Magento's default code will do.
            String asked = websiteCode == null ? GUESSED_WEBSITE : websiteCode;
            String code = PercentEncoding.encode(asked);
            inventory("stock-resolver", "/V1/inventory/stock-resolver/website/" + code, null,
                    "/V1/inventory/stock-resolver/website/{code}", "Magento_InventorySalesApi", websiteCode == null);
            inventory("salable-qty", "/V1/inventory/export-stock-salable-qty/website/" + code,
                    SearchCriteria.paged(1).toQueryString(), "/V1/inventory/export-stock-salable-qty/website/{code}",
                    "Magento_InventoryExportStockApi", websiteCode == null);
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
            add("store-configs", resource, false, "WARN: no store view '" + store + "' in the answer: check"
                                                  + " magento.store-codes (" + optional(STORE) + ")");
        } catch (MagentoException e) {
            add("store-configs", resource, false, missing(e, STORE, STORE_ROUTES));
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
            add("websites", resource, false, "WARN: no website " + websiteId + " in the list the store answered ("
                                             + optional(STORE) + ")");
        } catch (MagentoException e) {
            add("websites", resource, false, missing(e, STORE, STORE_ROUTES));
        }
        return null;
    }

    /**
     * @param module  the module declaring the route, named when the store answers 404 "no route"
     * @param guessed asked for {@link #GUESSED_WEBSITE}: only a refusal says something about this store view
     */
    private void inventory(String name, String resource, String query, String metricEndpoint, String module,
                           boolean guessed) {
        try {
            client.getJson(resource, query, metricEndpoint);
            add(name, resource, true, guessed ? notRefused() : "OK");
        } catch (MagentoException e) {
            boolean refusal = e.status() == 401 || e.status() == 403;
            if (guessed && !refusal) {
                add(name, resource, true, notRefused());
            } else {
                add(name, resource, false, missing(e, STOCK, "the inventory (MSI) modules (" + module + ")"));
            }
        }
    }

    private static String notRefused() {
        return "OK, NOT REFUSED (asked for website '" + GUESSED_WEBSITE + "': the store view's own is unknown, see"
               + " websites)";
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
            // Anonymous: no grant to name, only the module whose route is missing.
            add("render-info", resource, false, notAModule(e)
                    ? "OPTIONAL: no route (404): the store lacks Magento_Catalog's products-render-info; final prices"
                      + " fall back to the special-price dates, URLs to catalog/product/view/id/{id}"
                    : warn(e, "prices and urls"));
        }
    }

    /** Magento's router answers 404 (JSON) for a route no installed module declares. */
    private static boolean notAModule(MagentoException e) {
        return e.status() == 404 && !e.getMessage().contains("returned HTML");
    }

    /**
     * A refusal (401/403 in JSON) is a missing grant: the products stream's answer proved the credentials, so it is
     * the part's ACL resource, named as the admin shows it. A 404 "no route" is a missing module (the products
     * route answered, so the base URL is right). Other failures are a WARN with the streams' reasons.
     *
     * @param module what the store lacks when it answers 404 "no route"
     */
    private String missing(MagentoException e, Part part, String module) {
        if (e.status() == 401 && guest) {
            return "OPTIONAL: not served to guests; set Allow Anonymous Guest Access = Yes (Stores > Configuration >"
                   + " Services > Magento Web API > Web API Security), or use an integration (magento.auth.mode=oauth1)"
                   + " granted " + part.granted() + " to add " + part.adds();
        }
        if ((e.status() == 401 || e.status() == 403) && !e.getMessage().contains("returned HTML")) {
            return "OPTIONAL: not granted; grant " + part.granted() + " in System > Extensions > Integrations > API"
                   + " to add " + part.adds();
        }
        if (notAModule(e)) {
            return "OPTIONAL: no route (404): the store lacks " + module + "; " + part.withoutRoute();
        }
        return warn(e, part.adds());
    }

    private static String warn(MagentoException e, String adds) {
        return "WARN: " + ConnectionProbe.classify(MagentoStream.PRODUCTS, e) + " (optional, adds " + adds + ")";
    }

    private static String optional(Part part) {
        return "optional, adds " + part.adds();
    }

    private void add(String name, String resource, boolean ok, String outcome) {
        results.add(ConnectionProbe.Result.optional(name, client.address().path(resource), ok, outcome));
    }
}
