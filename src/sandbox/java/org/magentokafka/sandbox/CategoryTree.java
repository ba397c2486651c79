package org.magentokafka.sandbox;

import java.util.List;

/**
 * The category hierarchy of the sandbox: Luma-like, three levels under "Default Category".
 * Leaves carry the product noun used to name the products filed under them.
 */
final class CategoryTree {

    /** @param noun singular product noun for leaf categories, null for branches */
    record Node(int id, int parentId, String name, String frName, String urlKey, boolean active,
                boolean inMenu, String noun, String frNoun, String skuPrefix) {
    }

    static final int ROOT_CATALOG = 1;
    static final int DEFAULT_CATEGORY = 2;

    static final List<Node> NODES = List.of(
            new Node(1, 0, "Root Catalog", "Root Catalog", null, true, true, null, null, null),
            new Node(2, 1, "Default Category", "Catégorie par défaut", "default-category", true, true, null, null, null),
            new Node(3, 2, "Women", "Femmes", "women", true, true, null, null, null),
            new Node(4, 2, "Men", "Hommes", "men", true, true, null, null, null),
            new Node(5, 2, "Gear", "Équipement", "gear", true, true, null, null, null),
            new Node(6, 3, "Tops", "Hauts", "tops-women", true, true, null, null, null),
            new Node(7, 3, "Bottoms", "Bas", "bottoms-women", true, true, null, null, null),
            new Node(8, 4, "Tops", "Hauts", "tops-men", true, true, null, null, null),
            new Node(9, 4, "Bottoms", "Bas", "bottoms-men", true, true, null, null, null),
            new Node(10, 5, "Bags", "Sacs", "bags", true, true, "Backpack", "Sac à dos", "24-MB"),
            new Node(11, 5, "Fitness Equipment", "Équipement de fitness", "fitness-equipment", true, true, "Yoga Mat", "Tapis de yoga", "24-UG"),
            new Node(12, 5, "Watches", "Montres", "watches", true, true, "Watch", "Montre", "24-MG"),
            new Node(13, 6, "Jackets", "Vestes", "jackets-women", true, true, "Jacket", "Veste", "WJ"),
            new Node(14, 6, "Hoodies & Sweatshirts", "Sweats à capuche", "hoodies-and-sweatshirts-women", true, true, "Hoodie", "Sweat à capuche", "WH"),
            new Node(15, 6, "Tees", "T-shirts", "tees-women", true, true, "Tee", "T-shirt", "WS"),
            new Node(16, 6, "Bras & Tanks", "Brassières et débardeurs", "tanks-women", true, true, "Tank", "Débardeur", "WT"),
            new Node(17, 7, "Pants", "Pantalons", "pants-women", true, true, "Pant", "Pantalon", "WP"),
            new Node(18, 7, "Shorts", "Shorts", "shorts-women", true, true, "Short", "Short", "WSH"),
            new Node(19, 8, "Jackets", "Vestes", "jackets-men", true, true, "Jacket", "Veste", "MJ"),
            new Node(20, 8, "Hoodies & Sweatshirts", "Sweats à capuche", "hoodies-and-sweatshirts-men", true, true, "Hoodie", "Sweat à capuche", "MH"),
            new Node(21, 8, "Tees", "T-shirts", "tees-men", true, true, "Tee", "T-shirt", "MS"),
            new Node(22, 8, "Tanks", "Débardeurs", "tanks-men", true, true, "Tank", "Débardeur", "MT"),
            new Node(23, 9, "Pants", "Pantalons", "pants-men", true, true, "Pant", "Pantalon", "MP"),
            new Node(24, 9, "Shorts", "Shorts", "shorts-men", true, true, "Short", "Short", "MSH"),
            new Node(25, 2, "Sale", "Soldes", "sale", false, false, null, null, null));

    private CategoryTree() {
    }

    static List<Node> leaves() {
        return NODES.stream().filter(n -> n.noun() != null).toList();
    }

    static Node node(int id) {
        return NODES.stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }
}
