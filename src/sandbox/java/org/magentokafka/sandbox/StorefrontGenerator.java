package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Turns a generated catalog into a storefront one ({@link StorefrontOptions}): website assignments, configurables
 * with their simple children (color × size, "Not Visible Individually", stock on the children only) and special
 * prices with date windows. Runs after {@link CatalogGenerator} with its own seeded random, so the plain catalog of
 * a seed stays what it was and the storefront one is replayable too.
 */
final class StorefrontGenerator {

    static final int COLOR_ATTRIBUTE_ID = 93;
    static final int SIZE_ATTRIBUTE_ID = 144;
    private static final String[] SIZE_VALUES = AttributeDefinitions.SIZES.keySet().toArray(new String[0]);
    private static final String[] COLOR_VALUES = AttributeDefinitions.COLORS.keySet().toArray(new String[0]);
    /** Special-price windows open between these days (a window is 7 to 120 days, a third have no end). */
    private static final LocalDate WINDOWS_FROM = LocalDate.parse("2025-01-01");

    private final StorefrontOptions options;
    private final Random random;
    private int nextOptionId = 1;

    StorefrontGenerator(StorefrontOptions options, long seed) {
        this.options = options;
        this.random = new Random(seed ^ 0x5f0f_a11eL);
    }

    CatalogGenerator.Generated extend(CatalogGenerator.Generated data) {
        if (!options.secondWebsite() && !options.configurables()) {
            return data;
        }
        List<ObjectNode> products = new ArrayList<>(data.products());
        List<ObjectNode> sourceItems = new ArrayList<>(data.sourceItems());
        int nextId = products.stream().mapToInt(p -> p.get("id").asInt()).max().orElse(0) + 1;
        List<ObjectNode> children = new ArrayList<>();
        for (ObjectNode product : data.products()) {
            if (options.secondWebsite()) {
                assignWebsites(product);
            }
            if (!options.configurables()) {
                continue;
            }
            String type = product.get("type_id").asText();
            if ("configurable".equals(type)) {
                List<ObjectNode> made = children(product, nextId);
                nextId += made.size();
                children.addAll(made);
            } else if ("simple".equals(type) && random.nextInt(100) < 20) {
                specialPrice(product);
            }
        }
        for (ObjectNode child : children) {
            products.add(child);
            sourceItems.add(sourceItem(child, "default"));
        }
        if (options.secondWebsite()) {
            stockInEurope(products, sourceItems);
        }
        return new CatalogGenerator.Generated(products, data.frenchNames(), data.categories(),
                data.frenchCategoryNames(), data.cmsPages(), sourceItems);
    }

    /** 70 % in both websites, 20 % in the main one only, 10 % in Europe only. */
    private static void assignWebsites(ObjectNode product) {
        int slot = product.get("id").asInt() % 10;
        ArrayNode ids = ((ObjectNode) product.get("extension_attributes")).putArray("website_ids");
        if (slot != 9) {
            ids.add(1);
        }
        if (slot != 7 && slot != 8) {
            ids.add(2);
        }
    }

    /** Two colors × two neighbouring sizes; one child in eight disabled. */
    private List<ObjectNode> children(ObjectNode parent, int firstId) {
        String color1 = COLOR_VALUES[random.nextInt(COLOR_VALUES.length)];
        String color2 = COLOR_VALUES[(List.of(COLOR_VALUES).indexOf(color1) + 1 + random.nextInt(COLOR_VALUES.length - 1))
                                     % COLOR_VALUES.length];
        int size = random.nextInt(SIZE_VALUES.length - 1);
        List<String> colors = List.of(color1, color2);
        List<String> sizes = List.of(SIZE_VALUES[size], SIZE_VALUES[size + 1]);
        List<ObjectNode> children = new ArrayList<>();
        ObjectNode extension = (ObjectNode) parent.get("extension_attributes");
        ArrayNode links = MagentoJson.MAPPER.createArrayNode();
        for (String s : sizes) {
            for (String c : colors) {
                ObjectNode child = child(parent, firstId + children.size(), c, s);
                children.add(child);
                links.add(child.get("id").asInt());
            }
        }
        ArrayNode configurableOptions = extension.putArray("configurable_product_options");
        configurableOptions.add(option(parent, COLOR_ATTRIBUTE_ID, "Color", 0, colors));
        configurableOptions.add(option(parent, SIZE_ATTRIBUTE_ID, "Size", 1, sizes));
        extension.set("configurable_product_links", links);
        return children;
    }

    private ObjectNode option(ObjectNode parent, int attributeId, String label, int position, List<String> values) {
        ObjectNode option = MagentoJson.MAPPER.createObjectNode();
        option.put("id", nextOptionId++);
        option.put("attribute_id", String.valueOf(attributeId));
        option.put("label", label);
        option.put("position", position);
        ArrayNode valueNodes = option.putArray("values");
        values.forEach(v -> valueNodes.addObject().put("value_index", Integer.parseInt(v)));
        option.put("product_id", parent.get("id").asInt());
        return option;
    }

    private ObjectNode child(ObjectNode parent, int id, String color, String size) {
        String colorName = AttributeDefinitions.COLORS.get(color)[0];
        String sizeName = AttributeDefinitions.SIZES.get(size)[0];
        String suffix = "-" + sizeName + "-" + colorName;
        ObjectNode c = MagentoJson.MAPPER.createObjectNode();
        c.put("id", id);
        c.put("sku", parent.get("sku").asText() + suffix);
        // Magento's configurable wizard names children "<parent>-<size>-<color>".
        c.put("name", parent.get("name").asText() + suffix);
        c.put("attribute_set_id", parent.get("attribute_set_id").asInt());
        double price = parent.get("price").asDouble() + ("XL".equals(sizeName) ? 5 : 0);
        c.put("price", Math.round(price * 100) / 100.0);
        c.put("status", random.nextInt(8) == 0 ? 2 : 1);
        c.put("visibility", 1);
        c.put("type_id", "simple");
        c.put("created_at", parent.get("created_at").asText());
        c.put("updated_at", parent.get("updated_at").asText());
        c.put("weight", 1);
        c.putObject("extension_attributes").set("website_ids", parent.path("extension_attributes").path("website_ids").deepCopy());
        c.putArray("product_links");
        c.putArray("options");
        c.putArray("media_gallery_entries");
        c.putArray("tier_prices");
        ArrayNode custom = c.putArray("custom_attributes");
        String urlKey = urlKey(parent) + suffix.toLowerCase(Locale.ROOT);
        custom.addObject().put("attribute_code", "url_key").put("value", urlKey);
        custom.addObject().put("attribute_code", "tax_class_id").put("value", "2");
        custom.addObject().put("attribute_code", "color").put("value", color);
        custom.addObject().put("attribute_code", "size").put("value", size);
        custom.addObject().put("attribute_code", "options_container").put("value", "container2");
        custom.addObject().put("attribute_code", "required_options").put("value", "0");
        custom.addObject().put("attribute_code", "has_options").put("value", "0");
        return c;
    }

    /** 10 % to 40 % off, from a day in 2025–2026, ending 7 to 120 days later or never. */
    private void specialPrice(ObjectNode product) {
        double price = product.get("price").asDouble();
        double special = Math.round(price * (60 + random.nextInt(31))) / 100.0;
        LocalDate from = WINDOWS_FROM.plusDays(random.nextInt(700));
        ArrayNode custom = (ArrayNode) product.get("custom_attributes");
        custom.addObject().put("attribute_code", "special_price").put("value", String.format(Locale.ROOT, "%.6f", special));
        custom.addObject().put("attribute_code", "special_from_date").put("value", from + " 00:00:00");
        if (random.nextInt(3) != 0) {
            custom.addObject().put("attribute_code", "special_to_date")
                    .put("value", from.plusDays(7 + random.nextInt(114)) + " 00:00:00");
        }
    }

    /** Products sold in Europe get stock on warehouse_eu, the Europe stock's source. */
    private void stockInEurope(List<ObjectNode> products, List<ObjectNode> sourceItems) {
        Set<String> stocked = new HashSet<>();
        for (ObjectNode item : sourceItems) {
            if ("warehouse_eu".equals(item.get("source_code").asText())) {
                stocked.add(item.get("sku").asText());
            }
        }
        for (ObjectNode product : products) {
            boolean inEurope = false;
            for (JsonNode id : product.path("extension_attributes").path("website_ids")) {
                inEurope |= id.asInt() == 2;
            }
            if (inEurope && !"configurable".equals(product.get("type_id").asText())
                && !stocked.contains(product.get("sku").asText())) {
                sourceItems.add(sourceItem(product, "warehouse_eu"));
            }
        }
    }

    private ObjectNode sourceItem(ObjectNode product, String source) {
        int quantity = random.nextInt(100) < 12 ? 0 : random.nextInt(120);
        ObjectNode item = MagentoJson.MAPPER.createObjectNode();
        item.put("sku", product.get("sku").asText());
        item.put("source_code", source);
        item.put("quantity", quantity);
        item.put("status", quantity > 0 ? 1 : 0);
        return item;
    }

    static String urlKey(JsonNode product) {
        for (JsonNode attribute : product.path("custom_attributes")) {
            if ("url_key".equals(attribute.path("attribute_code").asText())) {
                return attribute.path("value").asText();
            }
        }
        return "";
    }
}
