package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.enrich.AttributeCatalog;

class VariantsTest {

    private static final AttributeCatalog ATTRIBUTES = AttributeCatalog.of(List.of(
            Map.of("attribute_id", 93, "attribute_code", "color", "frontend_input", "select",
                    "options", List.of(Map.of("label", " ", "value", ""), Map.of("label", "Red", "value", "58"),
                            Map.of("label", "Blue", "value", "50"))),
            Map.of("attribute_id", "144", "attribute_code", "size", "frontend_input", "select",
                    "options", List.of(Map.of("label", "M", "value", "168"), Map.of("label", "L", "value", "169")))));
    private static final StoreViewScope SCOPE = new StoreViewScope("default", 1, 1, "base", "USD",
            "https://shop.example.com/media/", "https://shop.example.com/", "UTC", 1);

    @Test
    void variantsFollowTheLinksWithOptionLabelsAndLeaveOutAMissingChild() {
        Map<String, Object> parent = configurable();
        Map<Long, Map<String, Object>> pageById = new HashMap<>();
        pageById.put(26L, child(26, "MP01-M-Red", "58", "168"));
        Map<Long, Map<String, Object>> children = Map.of(27L, child(27, "MP01-L-Blue", "50", "169"));
        StorefrontPage page = new StorefrontPage(SCOPE, children, null, null, Map.of());

        List<Map<String, Object>> variants = Variants.of(parent, page, ATTRIBUTES, pageById);

        assertEquals(List.of("MP01-L-Blue", "MP01-M-Red"), variants.stream().map(v -> v.get("sku")).toList(),
                "link order; link 28 has no row (deleted meanwhile) and is left out");
        assertEquals(Map.of("color", "Blue", "size", "L"), variants.get(0).get("options"));
        assertEquals(27L, variants.get(0).get("id"));
        assertEquals(List.of("sku", "id", "options", "salable", "prices", "displayable"), List.copyOf(variants.get(0).keySet()));
        assertEquals(List.of("color", "size"), List.copyOf(((Map<?, ?>) variants.get(1).get("options")).keySet()),
                "options in the configurable's option order");
    }

    @Test
    void anOptionIdWithoutALabelIsNullAndAnAttributeTheMetadataDoesNotKnowIsLeftOut() {
        Map<String, Object> parent = configurable();
        StorefrontPage page = new StorefrontPage(SCOPE, Map.of(27L, child(27, "MP01-X", "999", "169")), null, null, Map.of());
        AttributeCatalog onlyColor = AttributeCatalog.of(List.of(Map.of("attribute_id", "93", "attribute_code", "color",
                "frontend_input", "select", "options", List.of())));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("color", null);
        assertEquals(options, Variants.of(parent, page, onlyColor, Map.of()).get(0).get("options"));
    }

    @Test
    void childRowsAskOnlyForChildrenTheConfigurablesLinkAndThePageDoesNotHold() {
        List<Map<String, Object>> page = List.of(ParentIndexTest.configurable(10, "MP01", 11, 12, 13),
                ParentIndexTest.simple(12, "MP01-M"), ParentIndexTest.configurable(20, "MP02", 13, 21));
        assertEquals(List.of(11L, 13L, 21L), ChildRows.missingChildIds(page));
        assertEquals(List.of(), ChildRows.missingChildIds(List.of(ParentIndexTest.simple(1, "A"))));
    }

    private static Map<String, Object> configurable() {
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("id", 25);
        parent.put("sku", "MP01");
        parent.put("type_id", "configurable");
        parent.put("extension_attributes", Map.of(
                "configurable_product_links", List.of(27, "26", 28),
                "configurable_product_options", List.of(
                        Map.of("attribute_id", "93", "label", "Color", "position", 0),
                        Map.of("attribute_id", "144", "label", "Size", "position", 1))));
        return parent;
    }

    private static Map<String, Object> child(long id, String sku, String color, String size) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("sku", sku);
        c.put("type_id", "simple");
        c.put("status", 1);
        c.put("visibility", 1);
        c.put("custom_attributes", List.of(Map.of("attribute_code", "color", "value", color),
                Map.of("attribute_code", "size", "value", size)));
        return c;
    }
}
