package org.magentokafka.storefront;

import java.util.LinkedHashMap;
import java.util.Map;

import org.magentokafka.enrich.AttributeCatalog;

/**
 * Adds what a storefront needs to a product event (issue 14's contract): {@code displayable}, {@code salable},
 * {@code prices}, {@code urls}, and {@code variants} on configurables or {@code parent_skus} on their children.
 * Every field comes from the page's {@link StorefrontPage}; nothing here sends a request.
 */
public final class StorefrontFields {

    private StorefrontFields() {
    }

    /**
     * @param document   the event value so far ({@code store_code, product, attributes, inventory, categories})
     * @param product    the product row
     * @param page       the page's storefront look-ups
     * @param attributes the store view's attribute metadata (option labels of the variants)
     * @param pageById   the page's own rows by entity id (a variant may be on the page)
     */
    public static void addTo(Map<String, Object> document, Map<String, Object> product, StorefrontPage page,
                             AttributeCatalog attributes, Map<Long, Map<String, Object>> pageById) {
        Map<String, Object> own = of(product, page);
        document.putAll(own);
        if (page.renderInfo() == null && Variants.isConfigurable(product)) {
            // Without render-info a configurable's min/max come from its children, some of which may be on the page.
            document.put("prices", PriceFields.of(product, page, pageById));
        }
        SalableFields.adjustInventory(document, product, page, pageById);
        if (Variants.isConfigurable(product)) {
            document.put("variants", Variants.of(product, page, attributes, pageById));
        }
        Variants.parentSkus(product, page).ifPresent(parents -> document.put("parent_skus", parents));
    }

    /** A product's or a variant's own storefront fields: displayable, salable, prices, urls. */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        Map<String, Object> prices = PriceFields.of(product, page);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("displayable", Displayable.of(product, page.scope()) && (page.renderInfo() == null || prices != null));
        out.put("salable", SalableFields.of(product, page));
        out.put("prices", prices);
        out.put("urls", ProductUrls.of(product, page));
        return out;
    }
}
