package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET /V1/products-render-info (Magento\Catalog\Model\ProductRenderList), anonymous: the products of the
 * {@code storeId} store view's price index as a listing renders them for guests, in {@code currencyCode}. Only
 * listed products are answered (see {@link StorefrontPrices}); total_count counts the answered items. The product
 * URL is the store's base URL plus url_key and ".html" (a product not visible individually has no rewrite and
 * gets catalog/product/view/id/{id}/s/{url_key}/).
 */
final class RenderInfoEndpoints {

    /** Magento's image cache directory hash for the listing image size; the canonical URL has none. */
    private static final String IMAGE_CACHE = "catalog/product/cache/0f831c1845fc143d00d6d1ebc49f446a";

    private RenderInfoEndpoints() {
    }

    static JsonNode list(RestCall call) {
        Map<String, String> query = call.query().asMap();
        String storeIdText = required(query, "storeId");
        String currency = required(query, "currencyCode");
        int storeId = SearchQueryParser.intParameter(storeIdText);
        StoreView view = call.catalog().storeViews().frontViews().stream().filter(v -> v.id() == storeId).findFirst()
                .orElseThrow(() -> MagentoError.of(404, "The store that was requested wasn't found. Verify the store and try again."));
        SearchQuery criteria = call.searchCriteria();
        SandboxCatalog catalog = call.catalog();
        StorefrontPrices prices = catalog.storefront().prices(view);
        List<Integer> ids = ProductEndpoints.idsRequired(criteria);
        List<ObjectNode> candidates = ids == null ? catalog.productNodes() : catalog.productNodesById(ids);
        List<ObjectNode> listed = new ArrayList<>();
        for (ObjectNode product : candidates) {
            if (prices.listed(product)) {
                listed.add(catalog.productInStore(product, view.code()));
            }
        }
        SearchResult result = CollectionSearch.search(listed, criteria, ProductEndpoints.FIELDS);
        String base = StoreEndpoints.baseUrl(call, view);
        String answered = prices.currency(currency);
        return result.toJson(product -> item(product, prices, view, base, answered));
    }

    private static ObjectNode item(ObjectNode product, StorefrontPrices prices, StoreView view, String base, String currency) {
        int id = product.get("id").asInt();
        StorefrontPrices.Prices p = prices.render(product, currency).orElseThrow();
        ObjectNode item = MagentoJson.MAPPER.createObjectNode();
        boolean configurable = SalableStock.isConfigurable(product);
        String cartUrl = base + "checkout/cart/add/uenc/%25uenc%25/product/" + id + "/";
        item.set("add_to_cart_button", button(cartUrl, id, configurable));
        item.set("add_to_compare_button", button(base + "catalog/product_compare/add/", id, false));
        ObjectNode info = item.putObject("price_info");
        info.put("final_price", p.finalPrice());
        info.put("max_price", p.maxPrice());
        info.put("max_regular_price", p.maxRegularPrice());
        info.put("minimal_regular_price", p.minimalRegularPrice());
        // The amount of Magento's special_price price type: the final price here; the window is in special_*_date.
        info.put("special_price", p.finalPrice());
        info.put("minimal_price", p.minimalPrice());
        info.put("regular_price", p.regularPrice());
        ObjectNode formatted = info.putObject("formatted_prices");
        formatted.put("final_price", formatted(p.finalPrice(), currency));
        formatted.put("max_price", formatted(p.maxPrice(), currency));
        formatted.put("minimal_price", formatted(p.minimalPrice(), currency));
        formatted.put("max_regular_price", formatted(p.maxRegularPrice(), currency));
        formatted.put("minimal_regular_price", formatted(p.minimalRegularPrice(), currency));
        formatted.put("special_price", formatted(p.finalPrice(), currency));
        formatted.put("regular_price", formatted(p.regularPrice(), currency));
        info.putObject("extension_attributes").put("weee_adjustment", formatted(p.finalPrice(), currency));
        item.set("images", images(product, base));
        String urlKey = StorefrontGenerator.urlKey(product);
        item.put("url", product.path("visibility").asInt() == 1
                ? base + "catalog/product/view/id/" + id + "/s/" + urlKey + "/" : base + urlKey + ".html");
        item.put("id", id);
        item.put("name", product.path("name").asText());
        item.put("type", product.path("type_id").asText());
        // PHP's string cast of the boolean: "1" or "" (only with "display out of stock products" on).
        item.put("is_salable", prices.salable(product) ? "1" : "");
        item.put("store_id", view.id());
        item.put("currency_code", currency);
        item.putObject("extension_attributes").put("review_html", "");
        return item;
    }

    private static ObjectNode button(String url, int id, boolean requiredOptions) {
        ObjectNode button = MagentoJson.MAPPER.createObjectNode();
        button.put("post_data", "{\"action\":\"" + url + "\",\"data\":{\"product\":\"" + id + "\",\"uenc\":\"%uenc%\"}}");
        button.put("url", url);
        button.put("required_options", requiredOptions);
        return button;
    }

    /** The listing image (small_image role, else the first entry), resized into the image cache. */
    private static ArrayNode images(ObjectNode product, String base) {
        ArrayNode images = MagentoJson.MAPPER.createArrayNode();
        JsonNode chosen = null;
        for (JsonNode entry : product.path("media_gallery_entries")) {
            if (chosen == null) {
                chosen = entry;
            }
            for (JsonNode type : entry.path("types")) {
                if ("small_image".equals(type.asText())) {
                    chosen = entry;
                }
            }
        }
        String url = chosen == null
                ? base + "static/version1731312000/frontend/Magento/luma/en_US/Magento_Catalog/images/product/placeholder/small_image.jpg"
                : base + "media/" + IMAGE_CACHE + chosen.path("file").asText();
        images.addObject().put("url", url).put("code", "recently_viewed_products_grid_content_widget")
                .put("height", 300).put("width", 240).put("label", product.path("name").asText())
                .put("resized_width", 240).put("resized_height", 300);
        return images;
    }

    private static String formatted(double amount, String currency) {
        String symbol = "EUR".equals(currency) ? "€" : "USD".equals(currency) ? "$" : currency + " ";
        return "<span class=\"price\">" + symbol + String.format(Locale.ROOT, "%.2f", amount) + "</span>";
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw MagentoError.named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", name));
        }
        return value;
    }
}
