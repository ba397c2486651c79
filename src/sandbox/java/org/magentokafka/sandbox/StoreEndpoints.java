package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** GET /V1/store/websites, /V1/store/storeViews and /V1/store/storeConfigs. */
final class StoreEndpoints {

    /** Deploy version in static URLs, as after setup:static-content:deploy. */
    private static final String STATIC_VERSION = "version1731312000";

    private StoreEndpoints() {
    }

    static JsonNode storeViews(RestCall call) {
        ArrayNode views = MagentoJson.MAPPER.createArrayNode();
        for (StoreView view : call.catalog().storeViews().withAdmin()) {
            views.addObject().put("id", view.id()).put("code", view.code()).put("name", view.name())
                    .put("website_id", view.websiteId()).put("store_group_id", view.storeGroupId()).put("is_active", 1);
        }
        return views;
    }

    /** Every website, admin (id 0) first, as Magento's WebsiteRepository::getList answers. */
    static JsonNode websites(RestCall call) {
        ArrayNode websites = MagentoJson.MAPPER.createArrayNode();
        List<Website> all = new ArrayList<>(List.of(Website.ADMIN));
        all.addAll(call.catalog().storeViews().websites());
        for (Website website : all) {
            websites.addObject().put("id", website.id()).put("code", website.code()).put("name", website.name())
                    .put("default_group_id", website.defaultGroupId());
        }
        return websites;
    }

    /** storeCodes[]=... narrows the answer; unknown codes are simply not found, as in Magento. */
    static JsonNode storeConfigs(RestCall call) {
        List<String> wanted = call.query().list("storeCodes");
        ArrayNode configs = MagentoJson.MAPPER.createArrayNode();
        for (StoreView view : call.catalog().storeViews().frontViews()) {
            if (!wanted.isEmpty() && !wanted.contains(view.code())) {
                continue;
            }
            Website website = call.catalog().storeViews().websiteOf(view);
            String base = baseUrl(call, view);
            ObjectNode c = configs.addObject();
            c.put("id", view.id());
            c.put("code", view.code());
            c.put("website_id", view.websiteId());
            c.put("locale", view.locale());
            c.put("base_currency_code", website.baseCurrency());
            c.put("default_display_currency_code", view.currency());
            c.put("timezone", view.timezone());
            c.put("weight_unit", view.weightUnit());
            c.put("base_url", base);
            c.put("base_link_url", base);
            c.put("base_static_url", base + "static/" + STATIC_VERSION + "/");
            c.put("base_media_url", base + "media/");
            c.put("secure_base_url", base);
            c.put("secure_base_link_url", base);
            c.put("secure_base_static_url", base + "static/" + STATIC_VERSION + "/");
            c.put("secure_base_media_url", base + "media/");
        }
        return configs;
    }

    /** A store view's (secure) base URL: the store URL plus its website's path, with the trailing slash. */
    static String baseUrl(RestCall call, StoreView view) {
        return call.baseUrl() + "/" + call.catalog().storeViews().websiteOf(view).urlPath();
    }
}
