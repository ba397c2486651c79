package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The categories of the generated catalog: {@link CategoryTree}'s nodes as the rows /V1/categories/list returns,
 * with the derived fields (level, path, url_path, position, children, children_count) Magento keeps in its
 * tables. Apart from {@link CatalogGenerator} because it changes with the category shape, not with products.
 */
final class CategoryGenerator {

    private CategoryGenerator() {
    }

    /** The category rows in list form; draws their updated_at from the generator's random, after the products. */
    static List<ObjectNode> categories(Random random) {
        List<ObjectNode> result = new ArrayList<>();
        for (CategoryTree.Node node : CategoryTree.NODES) {
            Instant created = CatalogGenerator.CATALOG_START.minus(30, ChronoUnit.DAYS).plusSeconds(node.id() * 61L);
            Instant updated = node.id() <= 2 ? created : created.plus(random.nextInt(300), ChronoUnit.DAYS);
            List<Integer> children = CategoryTree.NODES.stream().filter(c -> c.parentId() == node.id()).map(CategoryTree.Node::id).toList();
            ObjectNode c = MagentoJson.MAPPER.createObjectNode();
            c.put("id", node.id());
            c.put("parent_id", node.parentId());
            c.put("name", node.name());
            c.put("is_active", node.active());
            c.put("position", position(node));
            c.put("level", level(node));
            c.put("children", String.join(",", children.stream().map(String::valueOf).toList()));
            c.put("created_at", MagentoTime.format(created));
            c.put("updated_at", MagentoTime.format(updated));
            c.put("path", path(node));
            c.putArray("available_sort_by");
            c.put("include_in_menu", node.inMenu());
            ArrayNode custom = c.putArray("custom_attributes");
            if (node.urlKey() != null) {
                custom.addObject().put("attribute_code", "url_key").put("value", node.urlKey());
                custom.addObject().put("attribute_code", "url_path").put("value", urlPath(node));
            }
            custom.addObject().put("attribute_code", "display_mode").put("value", "PRODUCTS");
            custom.addObject().put("attribute_code", "is_anchor").put("value", "1");
            custom.addObject().put("attribute_code", "path").put("value", path(node));
            custom.addObject().put("attribute_code", "children_count").put("value", String.valueOf(descendants(node.id())));
            result.add(c);
        }
        return result;
    }

    /** A root category of an empty store: only "Default Category" stays below "Root Catalog". */
    static ObjectNode withoutChildren(ObjectNode category) {
        boolean root = category.get("id").asInt() == CategoryTree.ROOT_CATALOG;
        ObjectNode copy = category.deepCopy().put("children", root ? String.valueOf(CategoryTree.DEFAULT_CATEGORY) : "");
        for (JsonNode attribute : copy.withArray("custom_attributes")) {
            if ("children_count".equals(attribute.get("attribute_code").asText())) {
                ((ObjectNode) attribute).put("value", root ? "1" : "0");
            }
        }
        return copy;
    }

    static Map<Integer, String> frenchCategoryNames() {
        Map<Integer, String> names = new LinkedHashMap<>();
        CategoryTree.NODES.forEach(n -> names.put(n.id(), n.frName()));
        return names;
    }

    private static int position(CategoryTree.Node node) {
        List<CategoryTree.Node> siblings = CategoryTree.NODES.stream().filter(n -> n.parentId() == node.parentId()).toList();
        return siblings.indexOf(node) + 1;
    }

    static int level(CategoryTree.Node node) {
        return node.parentId() == 0 ? 0 : 1 + level(CategoryTree.node(node.parentId()));
    }

    static String path(CategoryTree.Node node) {
        return node.parentId() == 0 ? String.valueOf(node.id()) : path(CategoryTree.node(node.parentId())) + "/" + node.id();
    }

    private static String urlPath(CategoryTree.Node node) {
        if (node.parentId() <= CategoryTree.DEFAULT_CATEGORY) {
            return node.urlKey();
        }
        return urlPath(CategoryTree.node(node.parentId())) + "/" + node.urlKey();
    }

    private static int descendants(int id) {
        int count = 0;
        for (CategoryTree.Node n : CategoryTree.NODES) {
            if (n.parentId() == id) {
                count += 1 + descendants(n.id());
            }
        }
        return count;
    }
}
