package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The store's data, safe to read from request threads while a test mutates it. Stored nodes are
 * never changed in place: a mutation replaces the node, so a request holding the previous one
 * still serializes a consistent version. Everything handed out publicly is a copy.
 *
 * <p>Mutations bump the timestamp Magento would bump: products and categories "updated_at",
 * CMS pages "update_time"; source items and attribute options have none (change detection has to
 * diff snapshots, as with a real store).
 *
 * <p>The data lives in one table per entity ({@link ProductTable}, {@link CategoryTable}, {@link CmsPageTable},
 * {@link SourceItemTable}, {@link AttributeTable}); this class owns the one lock and the version around them,
 * because a product delete also deletes stock and a cached search must see one consistent version of it all.
 */
public final class SandboxCatalog {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final StoreViews storeViews;
    private final SourceItemTable sourceItems = new SourceItemTable();
    private final ProductTable products;
    private final CategoryTable categories;
    private final CmsPageTable cmsPages;
    private final AttributeTable attributes = new AttributeTable();
    /** Bumped by every mutation: cached query results are valid for one version only. */
    private volatile long version;
    private final SearchCache searches = new SearchCache();
    private final SandboxStorefront storefront;

    private SandboxCatalog(SandboxOptions options, StoreViews storeViews) {
        this.storeViews = storeViews;
        this.storefront = new SandboxStorefront(this, options.clock(), options.storefront());
        this.products = new ProductTable(options.clock(), sourceItems);
        this.categories = new CategoryTable(options.clock());
        this.cmsPages = new CmsPageTable(options.clock());
    }

    /** The generated catalog of a store built from these options. */
    static SandboxCatalog generate(SandboxOptions options, StoreViews views) {
        SandboxCatalog catalog = new SandboxCatalog(options, views);
        CatalogGenerator.Generated data = new StorefrontGenerator(options.storefront(), options.seed())
                .extend(new CatalogGenerator(options.seed()).generate(options.productCount()));
        catalog.attributes.load(views);
        if (options.storefront().configurables()) {
            catalog.attributes.add(AttributeDefinitions.size(), views);
        }
        data.products().forEach(catalog.products::put);
        data.categories().forEach(catalog.categories::put);
        data.cmsPages().forEach(catalog.cmsPages::put);
        data.sourceItems().forEach(catalog.sourceItems::put);
        if (views.byCode(AttributeDefinitions.FR).isPresent()) {
            catalog.products.putNames(AttributeDefinitions.FR, data.frenchNames());
            catalog.categories.putNames(AttributeDefinitions.FR, data.frenchCategoryNames());
        }
        return catalog;
    }

    /** A store with nothing in it: attributes and the two root categories only. */
    static SandboxCatalog empty(SandboxOptions options, StoreViews views) {
        SandboxCatalog catalog = new SandboxCatalog(options, views);
        catalog.attributes.load(views);
        CatalogGenerator.Generated data = new CatalogGenerator(options.seed()).generate(0);
        data.categories().stream()
                .filter(c -> c.get("id").asInt() <= CategoryTree.DEFAULT_CATEGORY)
                .map(CategoryGenerator::withoutChildren)
                .forEach(catalog.categories::put);
        return catalog;
    }

    // ---------------------------------------------------------------- products

    /** A copy of every product, in id order. */
    public List<ObjectNode> products() {
        return read(products::copies);
    }

    public int productCount() {
        return read(products::size);
    }

    /** A copy of one product; the SKU is matched case-insensitively, as MySQL does. */
    public Optional<ObjectNode> product(String sku) {
        return read(() -> Optional.ofNullable(products.find(sku)).map(ObjectNode::deepCopy));
    }

    /**
     * Changes a product and bumps its updated_at to the clock's now (unless the change set
     * updated_at itself). Returns false when there is no such product.
     */
    public boolean updateProduct(String sku, Consumer<ObjectNode> change) {
        return write(() -> products.update(sku, change));
    }

    /** Sets a store-view value of the product name (e.g. the French name), bumping updated_at. */
    public boolean setProductName(String sku, String storeCode, String name) {
        return write(() -> products.setName(sku, storeCode, name));
    }

    /** Deletes a product and, as Magento's inventory plugins do, its source items. */
    public boolean deleteProduct(String sku) {
        return write(() -> products.delete(sku));
    }

    /**
     * Adds a product. Missing id, created_at and updated_at are filled in (new id = highest + 1,
     * timestamps = now). Returns a copy of what was stored.
     *
     * @throws IllegalArgumentException without a sku, or when the sku is already taken
     */
    public ObjectNode addProduct(ObjectNode product) {
        return write(() -> products.insert(product.deepCopy()));
    }

    /** A simple, enabled, visible product with the usual empty collections. */
    public ObjectNode addProduct(String sku, String name, double price) {
        return write(() -> products.addSimple(sku, name, price));
    }

    /** Shared nodes for serving; callers must not modify them. */
    List<ObjectNode> productNodes() {
        return read(products::nodes);
    }

    /** The products whose id lies in the range, in id order: what the primary key gives MySQL for a keyset page. */
    List<ObjectNode> productNodes(IdRange range) {
        return read(() -> products.nodes(range));
    }

    /** The products with these ids, in id order (unknown ids are skipped): the primary key for {@code entity_id in}. */
    List<ObjectNode> productNodesById(Collection<Integer> ids) {
        return read(() -> products.nodesById(ids));
    }

    ObjectNode productNode(String sku) {
        return read(() -> products.find(sku));
    }

    /** The product as a store view shows it: store-scoped values (the name) replace admin ones. */
    ObjectNode productInStore(ObjectNode product, String storeCode) {
        String name = read(() -> products.storeName(storeCode, product.get("id").asInt()));
        return name == null ? product : product.deepCopy().put("name", name);
    }

    // ---------------------------------------------------------------- categories

    /** A copy of every category in list form (as /V1/categories/list returns them), by id. */
    public List<ObjectNode> categories() {
        return read(categories::copies);
    }

    /** Renames a category (admin value) and bumps its updated_at. */
    public boolean renameCategory(int id, String name) {
        return write(() -> categories.rename(id, name));
    }

    /** Sets a store-view name of a category (e.g. French) and bumps its updated_at. */
    public boolean renameCategory(int id, String storeCode, String name) {
        return write(() -> categories.rename(id, storeCode, name));
    }

    List<ObjectNode> categoryNodes() {
        return read(categories::nodes);
    }

    ObjectNode categoryInStore(ObjectNode category, String storeCode) {
        String name = read(() -> categories.storeName(storeCode, category.get("id").asInt()));
        return name == null ? category : category.deepCopy().put("name", name);
    }

    /** How many products are filed directly under each category. */
    Map<Integer, Integer> productCountsByCategory() {
        return read(products::countsByCategory);
    }

    // ---------------------------------------------------------------- CMS pages

    public List<ObjectNode> cmsPages() {
        return read(cmsPages::copies);
    }

    /** Changes a CMS page found by identifier and bumps its update_time (CMS has no updated_at). */
    public boolean updateCmsPage(String identifier, Consumer<ObjectNode> change) {
        return write(() -> cmsPages.update(identifier, change));
    }

    List<ObjectNode> cmsPageNodes() {
        return read(cmsPages::nodes);
    }

    // ---------------------------------------------------------------- source items

    public List<ObjectNode> sourceItems() {
        return read(sourceItems::copies);
    }

    /**
     * Sets the quantity of a (sku, source) pair, creating the source item if needed; status follows
     * the quantity (0 = out of stock). There is no timestamp to bump.
     */
    public void setSourceItemQuantity(String sku, String sourceCode, double quantity) {
        write(() -> {
            sourceItems.setQuantity(sku, sourceCode, quantity);
            return null;
        });
    }

    public boolean deleteSourceItem(String sku, String sourceCode) {
        return write(() -> sourceItems.remove(sku, sourceCode));
    }

    /**
     * The source items of these SKUs (compared case-insensitively, as MySQL does), in their natural order: what an
     * index on sku gives a real store for {@code sku in (...)}.
     */
    List<ObjectNode> sourceItemNodesOf(Collection<String> skus) {
        return read(() -> sourceItems.nodesOf(skus));
    }

    List<ObjectNode> sourceItemNodes() {
        return read(sourceItems::nodes);
    }

    // ---------------------------------------------------------------- attributes

    /** Admin-scope attribute metadata, copies. */
    public List<ObjectNode> attributes() {
        return read(attributes::copies);
    }

    /** Changes the admin label of an option (what /rest/V1 shows unless a store label exists). */
    public boolean setOptionLabel(String attributeCode, String optionValue, String label) {
        return write(() -> attributes.setOptionLabel(attributeCode, optionValue, label));
    }

    /** Changes the label of an option in one store view, e.g. ("color", "49", "fr", "Bleu ciel"). */
    public boolean setOptionLabel(String attributeCode, String optionValue, String storeCode, String label) {
        return write(() -> attributes.setOptionLabel(attributeCode, optionValue, storeCode, label));
    }

    List<ObjectNode> attributeNodes() {
        return read(attributes::nodes);
    }

    ObjectNode attributeNode(String code) {
        return read(() -> attributes.node(code));
    }

    /** Options labelled for the store view; the blank first option stays blank. */
    ObjectNode attributeInStore(ObjectNode attribute, String storeCode) {
        return read(() -> attributes.inStore(attribute, storeCode));
    }

    StoreViews storeViews() {
        return storeViews;
    }

    /** Websites, stocks, orders (reservations) and prices as shoppers see them: the storefront control calls. */
    public SandboxStorefront storefront() {
        return storefront;
    }

    // ---------------------------------------------------------------- plumbing

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
