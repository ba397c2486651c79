package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.paging.SearchCriteria;

/**
 * One page of {@code GET /V1/inventory/export-stock-salable-qty/website/{code}} (magento/inventory's
 * InventoryExportStockApi, ACL {@code Magento_InventoryApi::stock}): items {@code {sku, qty, is_salable}}. Its
 * {@code total_count} was capped at the page size before 2.4.9 (ACSD-67089), so callers never read it: a page
 * shorter than the page size is the last one.
 */
public final class SalableExport {

    /** What metrics and logs call the endpoint: without the website code. */
    public static final String ENDPOINT = "/V1/inventory/export-stock-salable-qty/website/{code}";

    /** One answered item. */
    public record Item(String sku, double quantity, boolean isSalable) {
    }

    private SalableExport() {
    }

    public static String resource(String websiteCode) {
        return "/V1/inventory/export-stock-salable-qty/website/" + PercentEncoding.encode(websiteCode);
    }

    /** The items of one page. */
    public static List<Item> page(MagentoClient client, String websiteCode, SearchCriteria criteria) {
        JsonNode answer = client.getJson(resource(websiteCode), criteria.toQueryString(), ENDPOINT);
        List<Item> items = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            String sku = item.path("sku").asText(null);
            if (sku != null) {
                items.add(new Item(sku, item.path("qty").asDouble(0), truth(item.path("is_salable"))));
            }
        }
        return items;
    }

    /** JSON true, 1 or "1"/"true": PHP serializers are not strict about booleans. */
    private static boolean truth(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText("").strip();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }
}
