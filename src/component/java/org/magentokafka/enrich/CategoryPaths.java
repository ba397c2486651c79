package org.magentokafka.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashMap;

/**
 * The category tree of one store view ({@code GET /V1/categories}), answering a product's categories as
 * {@code [{id, name, path}]} where path lists the names from the store's root category (excluded: it is the
 * same for every product) down to the category itself.
 */
public final class CategoryPaths {

    private record Node(String name, List<String> path) {
    }

    private final Map<String, Node> byId = new HashMap<>();
    /** Why there are no paths, when the store refused the tree (none when it was read). */
    private final UnknownParts unknown;

    private CategoryPaths(UnknownParts unknown) {
        this.unknown = unknown;
    }

    /** No tree: the store refuses it or has no route for it. Events carry categories null and say why. */
    public static CategoryPaths unknown(Unavailable why) {
        return new CategoryPaths(UnknownParts.of(EventPart.CATEGORIES, why));
    }

    /** {@link EventPart#CATEGORIES} with its reason when the tree was not readable; else none. */
    public UnknownParts unknownParts() {
        return unknown;
    }

    public static CategoryPaths of(Map<String, Object> tree) {
        CategoryPaths paths = new CategoryPaths(UnknownParts.NONE);
        if (tree != null && tree.get("children_data") instanceof List<?> children) {
            for (Object c : children) {
                paths.walk(c, List.of());
            }
        }
        return paths;
    }

    private void walk(Object o, List<String> parentPath) {
        if (!(o instanceof Map<?, ?> node) || node.get("id") == null) {
            return;
        }
        String name = String.valueOf(node.get("name"));
        List<String> path = new ArrayList<>(parentPath);
        path.add(name);
        byId.put(node.get("id").toString(), new Node(name, List.copyOf(path)));
        if (node.get("children_data") instanceof List<?> children) {
            for (Object c : children) {
                walk(c, path);
            }
        }
    }

    public List<Map<String, Object>> categoriesOf(Map<String, Object> product) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : categoryIds(product)) {
            Node node = byId.get(id);
            if (node == null) {
                continue; // a category outside this store view's tree
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", Integer.valueOf(id));
            c.put("name", node.name());
            c.put("path", node.path());
            out.add(c);
        }
        return out;
    }

    public int size() {
        return byId.size();
    }

    private static Set<String> categoryIds(Map<String, Object> product) {
        Set<String> ids = new LinkedHashSet<>();
        if (product.get("extension_attributes") instanceof Map<?, ?> ext && ext.get("category_links") instanceof List<?> links) {
            for (Object l : links) {
                if (l instanceof Map<?, ?> link && link.get("category_id") != null) {
                    ids.add(link.get("category_id").toString());
                }
            }
        }
        if (ids.isEmpty() && product.get("custom_attributes") instanceof List<?> attributes) {
            for (Object o : attributes) {
                if (o instanceof Map<?, ?> ca && "category_ids".equals(ca.get("attribute_code"))) {
                    Object v = ca.get("value");
                    if (v instanceof List<?> list) {
                        list.forEach(x -> ids.add(x.toString()));
                    } else if (v != null) {
                        for (String s : v.toString().split(",")) {
                            if (!s.isBlank()) {
                                ids.add(s.strip());
                            }
                        }
                    }
                }
            }
        }
        return ids;
    }
}
