package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** GET /V1/store/storeViews and /V1/store/storeConfigs. */
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

    /** storeCodes[]=... narrows the answer; unknown codes are simply not found, as in Magento. */
    static JsonNode storeConfigs(RestCall call) {
        List<String> wanted = call.query().list("storeCodes");
        ArrayNode configs = MagentoJson.MAPPER.createArrayNode();
        String base = call.baseUrl() + "/";
        for (StoreView view : call.catalog().storeViews().frontViews()) {
            if (!wanted.isEmpty() && !wanted.contains(view.code())) {
                continue;
            }
            ObjectNode c = configs.addObject();
            c.put("id", view.id());
            c.put("code", view.code());
            c.put("website_id", view.websiteId());
            c.put("locale", view.locale());
            c.put("base_currency_code", "USD");
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
}
