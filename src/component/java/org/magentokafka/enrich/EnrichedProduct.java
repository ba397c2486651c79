package org.magentokafka.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product event value: {@code {store_code, product, attributes, inventory, categories}}, everything a
 * downstream system needs without calling Magento again.
 */
public final class EnrichedProduct {

    private EnrichedProduct() {
    }

    public static Map<String, Object> of(String storeCode, Map<String, Object> product, AttributeCatalog attributes,
                                         List<Map<String, Object>> sourceItems, CategoryPaths categories) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("store_code", storeCode);
        doc.put("product", product);
        doc.put("attributes", AttributeLabels.resolve(product, attributes));
        doc.put("inventory", InventorySummary.of(sourceItems));
        doc.put("categories", categories.categoriesOf(product));
        return doc;
    }
}
