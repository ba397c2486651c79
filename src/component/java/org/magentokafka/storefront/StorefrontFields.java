package org.magentokafka.storefront;

import java.util.LinkedHashMap;
import java.util.Map;

import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.EventPart;

/**
 * Adds what a storefront needs to a product event (storefront-ready events, docs/events.md):
 * {@code displayable}, {@code salable}, {@code prices}, {@code urls}, and {@code variants} on configurables or
 * {@code parent_skus} on their children.
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
        if (page.renderInfo() == null && page.knows(EventPart.PRICES) && Variants.isConfigurable(product)) {
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
        // An unknown part is null (its reason is in the event's "unknown"), never a value computed without its input.
        Map<String, Object> prices = page.knows(EventPart.PRICES) ? PriceFields.of(product, page) : null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("displayable", !page.knows(EventPart.DISPLAYABLE) ? null
                : Displayable.of(product, page.scope()) && (page.renderInfo() == null || prices != null));
        out.put("salable", page.knows(EventPart.SALABLE) ? SalableFields.of(product, page) : null);
        out.put("prices", prices);
        out.put("urls", page.knows(EventPart.URLS) ? ProductUrls.of(product, page) : null);
        return out;
    }
}
