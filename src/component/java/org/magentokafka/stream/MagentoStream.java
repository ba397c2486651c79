package org.magentokafka.stream;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The catalog collections the connector reads: REST resource, unique stable sort keys (paging over a changing
 * collection needs them, magento2 #25001), the fields that make an item's key, the change timestamp where
 * Magento has one, the ACL resource an integration must be granted, and the entity name used in event types.
 */
public enum MagentoStream {
    PRODUCTS("products", "/V1/products", List.of("entity_id"), List.of("sku"), "updated_at",
             "Magento_Catalog::products", "product", true),
    CATEGORIES("categories", "/V1/categories/list", List.of("entity_id"), List.of("id"), "updated_at",
               "Magento_Catalog::categories", "category", true),
    CMS_PAGES("cms-pages", "/V1/cmsPage/search", List.of("page_id"), List.of("id"), "update_time",
              "Magento_Cms::page", "cms-page", false),
    SOURCE_ITEMS("source-items", "/V1/inventory/source-items", List.of("sku", "source_code"),
                 List.of("sku", "source_code"), null, "Magento_InventoryApi::source", "source-item", false),
    PRODUCT_ATTRIBUTES("product-attributes", "/V1/products/attributes", List.of("attribute_id"),
                       List.of("attribute_code"), null, "Magento_Catalog::attributes_attributes",
                       "product-attribute", true);

    private final String uriName;
    private final String resource;
    private final List<String> sortFields;
    private final List<String> keyFields;
    private final String timestampField;
    private final String aclResource;
    private final String entity;
    private final boolean storeScoped;

    MagentoStream(String uriName, String resource, List<String> sortFields, List<String> keyFields,
                  String timestampField, String aclResource, String entity, boolean storeScoped) {
        this.uriName = uriName;
        this.resource = resource;
        this.sortFields = sortFields;
        this.keyFields = keyFields;
        this.timestampField = timestampField;
        this.aclResource = aclResource;
        this.entity = entity;
        this.storeScoped = storeScoped;
    }

    public String uriName() {
        return uriName;
    }

    public String resource() {
        return resource;
    }

    public List<String> sortFields() {
        return sortFields;
    }

    /**
     * The item field holding the numeric id that {@code sortFields().get(0)} filters on, for keyset paging; null
     * when the collection has none (source items are keyed by SKU and source, with no id in the REST answer).
     */
    public String keysetIdField() {
        return switch (this) {
            case PRODUCTS, CATEGORIES, CMS_PAGES -> "id";
            case PRODUCT_ATTRIBUTES -> "attribute_id";
            case SOURCE_ITEMS -> null;
        };
    }

    /** The item's keyset id ({@link #keysetIdField()}), or null when it holds no number: each reader says what that means. */
    public Long keysetIdOf(Map<String, Object> item) {
        try {
            return Long.parseLong(String.valueOf(item.get(keysetIdField())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The item's identity on its topic: {@code sku}, {@code id}, {@code sku|source_code}, {@code attribute_code}. A
     * composite key is unambiguous whatever its first value holds (a SKU may contain {@code |}): the later values
     * have {@code %} and {@code |} percent-encoded, so the first value ends at the last separators (see
     * {@link #leadingValue}). Keys of values without {@code %} or {@code |} are what they always were.
     */
    public String keyOf(Map<String, Object> item) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyFields.size(); i++) {
            Object v = item.get(keyFields.get(i));
            if (v == null || v.toString().isEmpty()) {
                return null;
            }
            if (i > 0) {
                key.append('|').append(v.toString().replace("%", "%25").replace("|", "%7C"));
            } else {
                key.append(v);
            }
        }
        return key.toString();
    }

    /** The first key field's value of a key (the SKU of a source item's key), never cut inside it. */
    public String leadingValue(String key) {
        int end = key.length();
        for (int i = 1; i < keyFields.size() && end > 0; i++) {
            end = key.lastIndexOf('|', end - 1);
        }
        return end < 0 ? key : key.substring(0, end);
    }

    public List<String> keyFields() {
        return keyFields;
    }

    /** The field Magento bumps on every change, or null when the stream has none (then snapshots are diffed). */
    public String timestampField() {
        return timestampField;
    }

    public boolean timestamped() {
        return timestampField != null;
    }

    public String aclResource() {
        return aclResource;
    }

    /**
     * Whether Magento serves this stream's collection to guests once <i>Allow Anonymous Guest Access</i> is Yes:
     * that setting marks anonymous only the routes listed in Magento_WebapiSecurity's etc/di.xml
     * (AnonymousResourceSecurity: GET /V1/products, /V1/categories, /V1/categories/:id,
     * /V1/products/attributes/:attributeCode, /V1/cmsPage/:pageId, ...), and no list of categories, CMS pages,
     * attributes or source items is among them.
     */
    public boolean openToGuests() {
        return this == PRODUCTS;
    }

    /** The entity in CloudEvent types: {@code magento.<entity>.<created|updated|deleted>}. */
    public String entity() {
        return entity;
    }

    /**
     * Whether the content differs per store view (localized names and labels). Inventory and CMS pages are read
     * once, from the first store view.
     */
    public boolean storeScoped() {
        return storeScoped;
    }

    public static MagentoStream fromUri(String name) {
        for (MagentoStream s : values()) {
            if (s.uriName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown Magento stream '" + name + "' in magento:" + name + ": use one of "
                                           + Arrays.stream(values()).map(MagentoStream::uriName).collect(Collectors.joining(", ")));
    }
}
