package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;

import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.UnknownParts;

/**
 * A page of products' storefront look-ups, fetched once per page and store view (see {@link StorefrontLookup}):
 * the children of its configurables, the salable quantities of its SKUs and of those children, and the
 * products-render-info answer for all of them.
 *
 * @param scope      the store view's website, stock, currency and base URLs
 * @param children   the child product rows of the page's configurables that the page itself does not hold
 *                   ({@code GET /V1/products} with {@code entity_id in (...)}), by entity id
 * @param salable    salable state by SKU (page SKUs and children); null when it is unknown (a guest is never shown
 *                   it): events then carry {@code salable: null}, not "not salable"
 * @param renderInfo products-render-info items by entity id; null when the store has no products-render-info
 *                   (404: the fallback from special-price dates and {@code catalog/product/view} URLs applies). A
 *                   product absent from a non-null map is not in the website's price index.
 * @param parents    the parent SKUs of the page's children of configurables (from the child &rarr; parents index),
 *                   by child SKU; a SKU absent from it has no parent
 * @param unknown    the storefront parts not known for this page (the scope's, and those a look-up of the page
 *                   was refused or found no route for): events carry them as null and list them under {@code unknown}
 */
public record StorefrontPage(StoreViewScope scope, Map<Long, Map<String, Object>> children,
                             Map<String, SalableState> salable, Map<Long, Map<String, Object>> renderInfo,
                             Map<String, List<String>> parents, UnknownParts unknown) {

    /** A page whose only unknown parts are its store view's. */
    public StorefrontPage(StoreViewScope scope, Map<Long, Map<String, Object>> children,
                          Map<String, SalableState> salable, Map<Long, Map<String, Object>> renderInfo,
                          Map<String, List<String>> parents) {
        this(scope, children, salable, renderInfo, parents, scope.unknown());
    }

    /** Whether the event can say this part. */
    public boolean knows(EventPart part) {
        return !unknown.contains(part);
    }

    /** The page's own rows and the children, by entity id: a variant may be on the page or among the children. */
    public Map<String, Object> row(long id, Map<Long, Map<String, Object>> pageById) {
        Map<String, Object> row = pageById.get(id);
        return row != null ? row : children.get(id);
    }
}
