package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;

/**
 * The store's data, safe to read from request threads while a test mutates it. Stored nodes are
 * never changed in place: a mutation replaces the node, so a request holding the previous one
 * still serializes a consistent version. Everything handed out publicly is a copy.
 *
 * <p>Mutations bump the timestamp Magento would bump: products and categories "updated_at",
 * CMS pages "update_time"; source items and attribute options have none (change detection has to
 * diff snapshots, as with a real store).
 */
public final class SandboxCatalog {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final StoreViews storeViews;

    private final TreeMap<Integer, ObjectNode> products = new TreeMap<>();
    /** Lower-case SKU → id: MySQL's case-insensitive collation makes SKU lookups case-blind. */
    private final Map<String, Integer> productIdsBySku = new HashMap<>();
    private final Map<String, Map<Integer, String>> storeProductNames = new HashMap<>();
    private final TreeMap<Integer, ObjectNode> categories = new TreeMap<>();
    private final Map<String, Map<Integer, String>> storeCategoryNames = new HashMap<>();
    private final TreeMap<Integer, ObjectNode> cmsPages = new TreeMap<>();
    private final LinkedHashMap<String, ObjectNode> sourceItems = new LinkedHashMap<>();
    private final LinkedHashMap<String, ObjectNode> attributes = new LinkedHashMap<>();
    /** store code → attribute code → option value → label. */
    private final Map<String, Map<String, Map<String, String>>> storeOptionLabels = new HashMap<>();
    /** Lower-case SKU → its source items, so a stock look-up by SKUs need not scan every source item. */
    private final Map<String, List<ObjectNode>> sourceItemsBySku = new HashMap<>();
    /** Source item key → insertion sequence: Magento's source_item_id, the order rows come back in. */
    private final Map<String, Long> sourceItemSequence = new HashMap<>();
    private long nextSourceItemSequence;
    private int nextProductId = 1;
    /** Bumped by every mutation: cached query results are valid for one version only. */
    private volatile long version;
    private final SearchCache searches = new SearchCache();

    private SandboxCatalog(Clock clock, StoreViews storeViews) {
        this.clock = clock;
        this.storeViews = storeViews;
    }

    /** The generated catalog of a store built from these options. */
    static SandboxCatalog generate(SandboxOptions options, StoreViews views) {
        SandboxCatalog catalog = new SandboxCatalog(options.clock(), views);
        CatalogGenerator.Generated data = new CatalogGenerator(options.seed()).generate(options.productCount());
        catalog.loadAttributes();
        data.products().forEach(catalog::putProduct);
        data.categories().forEach(c -> catalog.categories.put(c.get("id").asInt(), c));
        data.cmsPages().forEach(p -> catalog.cmsPages.put(p.get("id").asInt(), p));
        data.sourceItems().forEach(catalog::putSourceItem);
        if (views.byCode(AttributeDefinitions.FR).isPresent()) {
            catalog.storeProductNames.put(AttributeDefinitions.FR, new HashMap<>(data.frenchNames()));
            catalog.storeCategoryNames.put(AttributeDefinitions.FR, new HashMap<>(data.frenchCategoryNames()));
        }
        return catalog;
    }

    /** A store with nothing in it: attributes and the two root categories only. */
    static SandboxCatalog empty(SandboxOptions options, StoreViews views) {
        SandboxCatalog catalog = new SandboxCatalog(options.clock(), views);
        catalog.loadAttributes();
        CatalogGenerator.Generated data = new CatalogGenerator(options.seed()).generate(0);
        data.categories().stream()
                .filter(c -> c.get("id").asInt() <= CategoryTree.DEFAULT_CATEGORY)
                .map(CatalogGenerator::withoutChildren)
                .forEach(c -> catalog.categories.put(c.get("id").asInt(), c));
        return catalog;
    }

    private void loadAttributes() {
        Integer frId = storeViews.byCode(AttributeDefinitions.FR).map(StoreView::id).orElse(null);
        for (AttributeDefinitions.Definition d : AttributeDefinitions.all()) {
            attributes.put(d.code(), AttributeDefinitions.toJson(d, frId));
            if (frId != null && d.options() != null) {
                Map<String, String> labels = new LinkedHashMap<>();
                d.options().forEach((value, pair) -> labels.put(value, pair[1]));
                storeOptionLabels.computeIfAbsent(AttributeDefinitions.FR, k -> new HashMap<>()).put(d.code(), labels);
            }
        }
    }

    // ---------------------------------------------------------------- products

    /** A copy of every product, in id order. */
    public List<ObjectNode> products() {
        return read(() -> products.values().stream().map(ObjectNode::deepCopy).toList());
    }

    public int productCount() {
        return read(products::size);
    }

    /** A copy of one product; the SKU is matched case-insensitively, as MySQL does. */
    public Optional<ObjectNode> product(String sku) {
        return read(() -> Optional.ofNullable(findProduct(sku)).map(ObjectNode::deepCopy));
    }

    /**
     * Changes a product and bumps its updated_at to the clock's now (unless the change set
     * updated_at itself). Returns false when there is no such product.
     */
    public boolean updateProduct(String sku, Consumer<ObjectNode> change) {
        return write(() -> {
            ObjectNode current = findProduct(sku);
            if (current == null) {
                return false;
            }
            ObjectNode changed = current.deepCopy();
            change.accept(changed);
            if (Objects.equals(changed.get("updated_at"), current.get("updated_at"))) {
                changed.put("updated_at", now());
            }
            changed.put("id", current.get("id").asInt());
            productIdsBySku.remove(key(current.get("sku").asText()));
            putProduct(changed);
            return true;
        });
    }

    /** Sets a store-view value of the product name (e.g. the French name), bumping updated_at. */
    public boolean setProductName(String sku, String storeCode, String name) {
        return write(() -> {
            ObjectNode current = findProduct(sku);
            if (current == null) {
                return false;
            }
            storeProductNames.computeIfAbsent(storeCode, k -> new HashMap<>()).put(current.get("id").asInt(), name);
            ObjectNode changed = current.deepCopy().put("updated_at", now());
            putProduct(changed);
            return true;
        });
    }

    /** Deletes a product and, as Magento's inventory plugins do, its source items. */
    public boolean deleteProduct(String sku) {
        return write(() -> {
            ObjectNode current = findProduct(sku);
            if (current == null) {
                return false;
            }
            int id = current.get("id").asInt();
            products.remove(id);
            productIdsBySku.remove(key(current.get("sku").asText()));
            storeProductNames.values().forEach(names -> names.remove(id));
            String storedSku = current.get("sku").asText();
            List<ObjectNode> stock = sourceItemsBySku.getOrDefault(key(storedSku), List.of());
            for (ObjectNode item : List.copyOf(stock)) {
                if (item.get("sku").asText().equals(storedSku)) {
                    removeSourceItem(storedSku, item.get("source_code").asText());
                }
            }
            return true;
        });
    }

    /**
     * Adds a product. Missing id, created_at and updated_at are filled in (new id = highest + 1,
     * timestamps = now). Returns a copy of what was stored.
     *
     * @throws IllegalArgumentException without a sku, or when the sku is already taken
     */
    public ObjectNode addProduct(ObjectNode product) {
        return write(() -> insertProduct(product.deepCopy()));
    }

    /** A simple, enabled, visible product with the usual empty collections. */
    public ObjectNode addProduct(String sku, String name, double price) {
        return write(() -> {
            ObjectNode p = MagentoJson.MAPPER.createObjectNode();
            p.put("id", nextProductId).put("sku", sku).put("name", name).put("attribute_set_id", 4).put("price", price)
                    .put("status", 1).put("visibility", 4).put("type_id", "simple").put("weight", 1);
            p.putObject("extension_attributes").putArray("website_ids").add(1);
            p.putArray("product_links");
            p.putArray("options");
            p.putArray("media_gallery_entries");
            p.putArray("tier_prices");
            p.putArray("custom_attributes").addObject().put("attribute_code", "url_key")
                    .put("value", CatalogGenerator.urlKey(name, nextProductId));
            return insertProduct(p);
        });
    }

    private ObjectNode insertProduct(ObjectNode stored) {
        JsonNode sku = stored.get("sku");
        if (sku == null || sku.asText().isEmpty()) {
            throw new IllegalArgumentException("a product needs a sku");
        }
        if (findProduct(sku.asText()) != null) {
            throw new IllegalArgumentException("sku already exists: " + sku.asText());
        }
        if (!stored.hasNonNull("id")) {
            stored.put("id", nextProductId);
        } else if (products.containsKey(stored.get("id").asInt())) {
            throw new IllegalArgumentException("id already exists: " + stored.get("id").asInt());
        }
        String now = now();
        if (!stored.hasNonNull("created_at")) {
            stored.put("created_at", now);
        }
        if (!stored.hasNonNull("updated_at")) {
            stored.put("updated_at", now);
        }
        putProduct(stored);
        return stored.deepCopy();
    }

    private void putProduct(ObjectNode product) {
        int id = product.get("id").asInt();
        products.put(id, product);
        productIdsBySku.put(key(product.get("sku").asText()), id);
        nextProductId = Math.max(nextProductId, id + 1);
    }

    private ObjectNode findProduct(String sku) {
        Integer id = productIdsBySku.get(key(sku));
        return id == null ? null : products.get(id);
    }

    private static String key(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    /** Shared nodes for serving; callers must not modify them. */
    List<ObjectNode> productNodes() {
        return read(() -> new ArrayList<>(products.values()));
    }

    /** The products whose id lies in the range, in id order: what the primary key gives MySQL for a keyset page. */
    List<ObjectNode> productNodes(IdRange range) {
        return read(() -> new ArrayList<>(range.of(products).values()));
    }

    ObjectNode productNode(String sku) {
        return read(() -> findProduct(sku));
    }

    /** The product as a store view shows it: store-scoped values (the name) replace admin ones. */
    ObjectNode productInStore(ObjectNode product, String storeCode) {
        String name = read(() -> storeProductNames.getOrDefault(storeCode, Map.of()).get(product.get("id").asInt()));
        return name == null ? product : product.deepCopy().put("name", name);
    }

    // ---------------------------------------------------------------- categories

    /** A copy of every category in list form (as /V1/categories/list returns them), by id. */
    public List<ObjectNode> categories() {
        return read(() -> categories.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /** Renames a category (admin value) and bumps its updated_at. */
    public boolean renameCategory(int id, String name) {
        return write(() -> {
            ObjectNode current = categories.get(id);
            if (current == null) {
                return false;
            }
            categories.put(id, current.deepCopy().put("name", name).put("updated_at", now()));
            return true;
        });
    }

    /** Sets a store-view name of a category (e.g. French) and bumps its updated_at. */
    public boolean renameCategory(int id, String storeCode, String name) {
        return write(() -> {
            ObjectNode current = categories.get(id);
            if (current == null) {
                return false;
            }
            storeCategoryNames.computeIfAbsent(storeCode, k -> new HashMap<>()).put(id, name);
            categories.put(id, current.deepCopy().put("updated_at", now()));
            return true;
        });
    }

    List<ObjectNode> categoryNodes() {
        return read(() -> new ArrayList<>(categories.values()));
    }

    ObjectNode categoryInStore(ObjectNode category, String storeCode) {
        String name = read(() -> storeCategoryNames.getOrDefault(storeCode, Map.of()).get(category.get("id").asInt()));
        return name == null ? category : category.deepCopy().put("name", name);
    }

    /** How many products are filed directly under each category. */
    Map<Integer, Integer> productCountsByCategory() {
        return read(() -> {
            Map<Integer, Integer> counts = new HashMap<>();
            for (ObjectNode p : products.values()) {
                JsonNode links = p.path("extension_attributes").path("category_links");
                links.forEach(link -> counts.merge(link.path("category_id").asInt(), 1, Integer::sum));
            }
            return counts;
        });
    }

    // ---------------------------------------------------------------- CMS pages

    public List<ObjectNode> cmsPages() {
        return read(() -> cmsPages.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /** Changes a CMS page found by identifier and bumps its update_time (CMS has no updated_at). */
    public boolean updateCmsPage(String identifier, Consumer<ObjectNode> change) {
        return write(() -> {
            for (ObjectNode page : cmsPages.values()) {
                if (page.get("identifier").asText().equals(identifier)) {
                    ObjectNode changed = page.deepCopy();
                    change.accept(changed);
                    changed.put("id", page.get("id").asInt());
                    changed.put("update_time", now());
                    cmsPages.put(page.get("id").asInt(), changed);
                    return true;
                }
            }
            return false;
        });
    }

    List<ObjectNode> cmsPageNodes() {
        return read(() -> new ArrayList<>(cmsPages.values()));
    }

    // ---------------------------------------------------------------- source items

    public List<ObjectNode> sourceItems() {
        return read(() -> sourceItems.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /**
     * Sets the quantity of a (sku, source) pair, creating the source item if needed; status follows
     * the quantity (0 = out of stock). There is no timestamp to bump.
     */
    public void setSourceItemQuantity(String sku, String sourceCode, double quantity) {
        write(() -> {
            ObjectNode item = MagentoJson.MAPPER.createObjectNode();
            item.put("sku", sku);
            item.put("source_code", sourceCode);
            if (quantity == Math.rint(quantity)) {
                item.put("quantity", (long) quantity);
            } else {
                item.put("quantity", quantity);
            }
            item.put("status", quantity > 0 ? 1 : 0);
            putSourceItem(item);
            return null;
        });
    }

    public boolean deleteSourceItem(String sku, String sourceCode) {
        return write(() -> removeSourceItem(sku, sourceCode));
    }

    private void putSourceItem(ObjectNode item) {
        String sku = item.get("sku").asText();
        String key = sourceKey(sku, item.get("source_code").asText());
        ObjectNode previous = sourceItems.put(key, item);
        List<ObjectNode> bySku = sourceItemsBySku.computeIfAbsent(key(sku), k -> new ArrayList<>());
        if (previous != null) {
            bySku.remove(previous);
        }
        bySku.add(item);
        sourceItemSequence.computeIfAbsent(key, k -> nextSourceItemSequence++);
    }

    private boolean removeSourceItem(String sku, String sourceCode) {
        String key = sourceKey(sku, sourceCode);
        ObjectNode removed = sourceItems.remove(key);
        if (removed == null) {
            return false;
        }
        sourceItemSequence.remove(key);
        List<ObjectNode> bySku = sourceItemsBySku.get(key(sku));
        if (bySku != null) {
            bySku.remove(removed);
            if (bySku.isEmpty()) {
                sourceItemsBySku.remove(key(sku));
            }
        }
        return true;
    }

    /**
     * The source items of these SKUs (compared case-insensitively, as MySQL does), in their natural order: what an
     * index on sku gives a real store for {@code sku in (...)}.
     */
    List<ObjectNode> sourceItemNodesOf(Collection<String> skus) {
        return read(() -> {
            List<ObjectNode> found = new ArrayList<>();
            Set<String> distinct = new HashSet<>();
            for (String sku : skus) {
                if (distinct.add(key(sku))) {
                    found.addAll(sourceItemsBySku.getOrDefault(key(sku), List.of()));
                }
            }
            found.sort(Comparator.comparingLong(item ->
                    sourceItemSequence.get(sourceKey(item.get("sku").asText(), item.get("source_code").asText()))));
            return found;
        });
    }

    private static String sourceKey(String sku, String source) {
        return sku + '\u0000' + source;
    }

    List<ObjectNode> sourceItemNodes() {
        return read(() -> new ArrayList<>(sourceItems.values()));
    }

    // ---------------------------------------------------------------- attributes

    /** Admin-scope attribute metadata, copies. */
    public List<ObjectNode> attributes() {
        return read(() -> attributes.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /** Changes the admin label of an option (what /rest/V1 shows unless a store label exists). */
    public boolean setOptionLabel(String attributeCode, String optionValue, String label) {
        return write(() -> {
            ObjectNode attribute = attributes.get(attributeCode);
            if (attribute == null) {
                return false;
            }
            ObjectNode changed = attribute.deepCopy();
            for (JsonNode option : changed.withArray("options")) {
                if (option.get("value").asText().equals(optionValue)) {
                    ((ObjectNode) option).put("label", label);
                    attributes.put(attributeCode, changed);
                    return true;
                }
            }
            return false;
        });
    }

    /** Changes the label of an option in one store view, e.g. ("color", "49", "fr", "Bleu ciel"). */
    public boolean setOptionLabel(String attributeCode, String optionValue, String storeCode, String label) {
        return write(() -> {
            ObjectNode attribute = attributes.get(attributeCode);
            if (attribute == null) {
                return false;
            }
            boolean exists = false;
            for (JsonNode option : attribute.withArray("options")) {
                exists |= option.get("value").asText().equals(optionValue);
            }
            if (exists) {
                storeOptionLabels.computeIfAbsent(storeCode, k -> new HashMap<>())
                        .computeIfAbsent(attributeCode, k -> new LinkedHashMap<>()).put(optionValue, label);
            }
            return exists;
        });
    }

    List<ObjectNode> attributeNodes() {
        return read(() -> new ArrayList<>(attributes.values()));
    }

    ObjectNode attributeNode(String code) {
        return read(() -> attributes.get(code));
    }

    /** Options labelled for the store view; the blank first option stays blank. */
    ObjectNode attributeInStore(ObjectNode attribute, String storeCode) {
        Map<String, String> labels = read(() -> storeOptionLabels.getOrDefault(storeCode, Map.of())
                .get(attribute.get("attribute_code").asText()));
        if (labels == null || labels.isEmpty()) {
            return attribute;
        }
        ObjectNode copy = attribute.deepCopy();
        ArrayNode options = copy.withArray("options");
        for (JsonNode option : options) {
            String label = labels.get(option.get("value").asText());
            if (label != null) {
                ((ObjectNode) option).put("label", label);
            }
        }
        return copy;
    }

    StoreViews storeViews() {
        return storeViews;
    }

    // ---------------------------------------------------------------- plumbing

    private String now() {
        return MagentoTime.format(clock.instant());
    }

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> writer) {
        lock.writeLock().lock();
        try {
            return writer.get();
        } finally {
            version++;
            lock.writeLock().unlock();
        }
    }

    long version() {
        return version;
    }

    SearchCache searches() {
        return searches;
    }
}
