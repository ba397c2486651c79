package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Builds a believable catalog from a seed: the same seed always gives the same store, so a failing
 * test can be replayed. Timestamps cluster on a few "import" seconds because real stores written by
 * imports and mass updates share updated_at seconds across thousands of rows.
 */
final class CatalogGenerator {

    /** SKUs that break naive URL building: slash, space, plus, ampersand, non-ASCII. */
    static final List<String> AWKWARD_SKUS = List.of(
            "24-MB01/blue", "Tee Shirt L", "A+B-01", "R&D-kit", "Größe-Ä-12", "日本-ティー");

    record Generated(List<ObjectNode> products, Map<Integer, String> frenchNames, List<ObjectNode> categories,
                     Map<Integer, String> frenchCategoryNames, List<ObjectNode> cmsPages, List<ObjectNode> sourceItems) {
    }

    /** The day the generated store opened: every timestamp of products, categories and pages is after it. */
    static final Instant CATALOG_START = Instant.parse("2023-03-01T08:00:00Z");
    private static final String[] STYLES = {
        "Cassius", "Orion", "Juno", "Helios", "Atlas", "Selene", "Zephyr", "Nova", "Apollo", "Vesta",
        "Ajax", "Iris", "Hyperion", "Calypso", "Mars", "Phoebe", "Argus", "Echo", "Titan", "Aurora",
        "Lyra", "Draco", "Nyx", "Castor", "Electra", "Hermes", "Rhea", "Leto", "Pallas", "Kratos"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};

    private final Random random;
    private final List<Instant> importSeconds = new ArrayList<>();
    private final List<Instant> updateSeconds = new ArrayList<>();
    private int mediaId = 1;

    CatalogGenerator(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 12; i++) {
            importSeconds.add(CATALOG_START.plus(random.nextInt(400), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400)));
        }
        Instant late = CATALOG_START.plus(420, ChronoUnit.DAYS);
        for (int i = 0; i < 8; i++) {
            updateSeconds.add(late.plus(random.nextInt(60), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400)));
        }
    }

    Generated generate(int productCount) {
        List<ObjectNode> products = new ArrayList<>();
        Map<Integer, String> frenchNames = new LinkedHashMap<>();
        List<ObjectNode> sourceItems = new ArrayList<>();
        List<CategoryTree.Node> leaves = CategoryTree.leaves();
        for (int id = 1; id <= productCount; id++) {
            CategoryTree.Node leaf = leaves.get(random.nextInt(leaves.size()));
            String style = STYLES[random.nextInt(STYLES.length)];
            ObjectNode product = product(id, leaf, style);
            products.add(product);
            frenchNames.put(id, leaf.frNoun() + " " + style);
            sourceItems.addAll(sourceItems(product));
        }
        return new Generated(products, frenchNames, CategoryGenerator.categories(random),
                CategoryGenerator.frenchCategoryNames(), cmsPages(), sourceItems);
    }

    private ObjectNode product(int id, CategoryTree.Node leaf, String style) {
        int roll = random.nextInt(100);
        String type = roll < 86 ? "simple" : roll < 95 ? "configurable" : "virtual";
        String color = pick(AttributeDefinitions.COLORS.keySet().toArray(new String[0]));
        String colorName = AttributeDefinitions.COLORS.get(color)[0];
        String sku = id <= AWKWARD_SKUS.size() ? AWKWARD_SKUS.get(id - 1) : sku(id, leaf, type, colorName);
        String name = style + " " + leaf.noun() + ("configurable".equals(type) ? "" : " " + colorName);
        Instant created = pickTime(importSeconds, CATALOG_START, 400);
        Instant updated = random.nextInt(100) < 45 ? created : pickTime(updateSeconds, created, 30);
        if (updated.isBefore(created)) {
            updated = created;
        }

        ObjectNode p = MagentoJson.MAPPER.createObjectNode();
        p.put("id", id);
        p.put("sku", sku);
        p.put("name", name);
        p.put("attribute_set_id", leaf.skuPrefix().startsWith("24-") ? 4 : random.nextBoolean() ? 9 : 10);
        putMoney(p, "price", 5 + random.nextInt(24_000) / 100.0);
        p.put("status", random.nextInt(100) < 92 ? 1 : 2);
        p.put("visibility", random.nextInt(100) < 90 ? 4 : 1);
        p.put("type_id", type);
        p.put("created_at", MagentoTime.format(created));
        p.put("updated_at", MagentoTime.format(updated));
        if (!"virtual".equals(type)) {
            putMoney(p, "weight", 0.2 + random.nextInt(40) / 10.0);
        }
        List<Integer> categories = List.of(CategoryTree.node(leaf.parentId()).parentId(), leaf.id());
        ObjectNode extension = p.putObject("extension_attributes");
        extension.putArray("website_ids").add(1);
        ArrayNode links = extension.putArray("category_links");
        for (int i = 0; i < categories.size(); i++) {
            links.addObject().put("position", i).put("category_id", String.valueOf(categories.get(i)));
        }
        p.putArray("product_links");
        p.putArray("options");
        mediaGallery(p.putArray("media_gallery_entries"), sku, name);
        p.putArray("tier_prices");
        ArrayNode custom = p.putArray("custom_attributes");
        custom.addObject().put("attribute_code", "description")
                .put("value", "<p>The " + name + " is built for everyday training. Breathable, durable, easy care.</p>");
        custom.addObject().put("attribute_code", "url_key").put("value", urlKey(name, id));
        custom.addObject().put("attribute_code", "tax_class_id").put("value", "virtual".equals(type) ? "0" : "2");
        ArrayNode categoryIds = custom.addObject().put("attribute_code", "category_ids").putArray("value");
        categories.forEach(c -> categoryIds.add(String.valueOf(c)));
        if (!"configurable".equals(type)) {
            custom.addObject().put("attribute_code", "color").put("value", color);
        }
        custom.addObject().put("attribute_code", "material").put("value", materials());
        if (random.nextInt(100) < 80) {
            custom.addObject().put("attribute_code", "manufacturer")
                    .put("value", pick(AttributeDefinitions.MANUFACTURERS.keySet().toArray(new String[0])));
        }
        custom.addObject().put("attribute_code", "options_container").put("value", "container2");
        custom.addObject().put("attribute_code", "required_options").put("value", "0");
        custom.addObject().put("attribute_code", "has_options").put("value", "configurable".equals(type) ? "1" : "0");
        return p;
    }

    private String sku(int id, CategoryTree.Node leaf, String type, String colorName) {
        String prefix = leaf.skuPrefix();
        if (prefix.startsWith("24-")) {
            return String.format(Locale.ROOT, "%s%04d", prefix, id);
        }
        if ("configurable".equals(type)) {
            return String.format(Locale.ROOT, "%s%04d", prefix, id);
        }
        return String.format(Locale.ROOT, "%s%04d-%s-%s", prefix, id, SIZES[random.nextInt(SIZES.length)], colorName);
    }

    private void mediaGallery(ArrayNode entries, String sku, String name) {
        int count = random.nextInt(100) < 40 ? 1 + random.nextInt(2) : 0;
        String base = sku.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.length() < 2) {
            base = "im";
        }
        for (int i = 0; i < count; i++) {
            ObjectNode entry = entries.addObject();
            entry.put("id", mediaId++);
            entry.put("media_type", "image");
            entry.put("label", name);
            entry.put("position", i + 1);
            entry.put("disabled", false);
            ArrayNode types = entry.putArray("types");
            if (i == 0) {
                types.add("image").add("small_image").add("thumbnail");
            }
            // Magento disperses files by the first two characters of the file name.
            entry.put("file", "/" + base.charAt(0) + "/" + base.charAt(1) + "/" + base + "_main_" + (i + 1) + ".jpg");
        }
    }

    private String materials() {
        String[] ids = AttributeDefinitions.MATERIALS.keySet().toArray(new String[0]);
        TreeSet<String> chosen = new TreeSet<>();
        int count = 1 + random.nextInt(2);
        while (chosen.size() < count) {
            chosen.add(ids[random.nextInt(ids.length)]);
        }
        return String.join(",", chosen);
    }

    private List<ObjectNode> sourceItems(ObjectNode product) {
        List<ObjectNode> items = new ArrayList<>();
        if ("configurable".equals(product.get("type_id").asText())) {
            return items;  // Stock lives on the children; a configurable has no source items.
        }
        items.add(sourceItem(product.get("sku").asText(), "default"));
        if (random.nextInt(100) < 40) {
            items.add(sourceItem(product.get("sku").asText(), "warehouse_eu"));
        }
        return items;
    }

    private ObjectNode sourceItem(String sku, String source) {
        int quantity = random.nextInt(100) < 12 ? 0 : random.nextInt(250);
        ObjectNode item = MagentoJson.MAPPER.createObjectNode();
        item.put("sku", sku);
        item.put("source_code", source);
        item.put("quantity", quantity);
        item.put("status", quantity > 0 ? 1 : 0);
        return item;
    }

    private List<ObjectNode> cmsPages() {
        String[][] pages = {
            {"no-route", "404 Not Found", "2columns-right", "<dl><dt>The page you requested was not found, and we have a fine guess why.</dt></dl>"},
            {"home", "Home Page", "1column", "<p>CMS homepage content goes here.</p>"},
            {"enable-cookies", "Enable Cookies", "1column", "<div class=\"enable-cookies cms-content\"><p>&laquo;Cookies&raquo; are little pieces of data we send when you visit our store.</p></div>"},
            {"privacy-policy-cookie-restriction-mode", "Privacy Policy", "1column", "<div class=\"privacy-policy cms-content\"><h2>Privacy Policy</h2></div>"},
            {"about-us", "About Us", "cms-full-width", "<h2>Our story</h2><p>Made with care — since 2009.</p>"},
            {"customer-service", "Customer Service", "1column", "<p>Questions? Write to support@example.com.</p>"},
            {"summer-sale", "Summer Sale", "1column", "<p>Up to 50% off.</p>"},
        };
        List<ObjectNode> result = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            Instant created = CATALOG_START.plus(i * 3L, ChronoUnit.DAYS);
            Instant updated = created.plus(random.nextInt(200), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
            ObjectNode page = MagentoJson.MAPPER.createObjectNode();
            page.put("id", i + 1);
            page.put("identifier", pages[i][0]);
            page.put("title", pages[i][1]);
            page.put("page_layout", pages[i][2]);
            page.put("meta_title", "");
            page.put("meta_keywords", "");
            page.put("meta_description", "");
            page.put("content_heading", pages[i][1]);
            page.put("content", pages[i][3]);
            page.put("creation_time", MagentoTime.format(created));
            page.put("update_time", MagentoTime.format(updated));
            page.put("sort_order", "0");
            page.put("custom_theme", "");
            page.put("custom_root_template", "");
            page.put("active", !"summer-sale".equals(pages[i][0]));
            result.add(page);
        }
        return result;
    }

    private Instant pickTime(List<Instant> shared, Instant notBefore, int spreadDays) {
        if (random.nextInt(100) < 60) {
            Instant candidate = shared.get(random.nextInt(shared.size()));
            if (!candidate.isBefore(notBefore)) {
                return candidate;
            }
        }
        return notBefore.plus(random.nextInt(spreadDays), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void putMoney(ObjectNode node, String field, double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded)) {
            node.put(field, (long) rounded);
        } else {
            node.put(field, rounded);
        }
    }

    static String urlKey(String name, int id) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + id;
    }
}
