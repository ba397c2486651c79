package org.magentokafka.storefront;

import java.util.Map;
import java.util.Set;

/**
 * commerce-data-export's {@code displayable}: enabled, visible in the catalog, search or both, and assigned to the
 * store view's website. (Whether it is in the website's price index is the caller's part: see
 * {@link StorefrontFields}.)
 */
final class Displayable {

    /** Magento's {@code status} of an enabled product (2 = disabled). */
    private static final int ENABLED = 1;
    /** Visibility 2 Catalog, 3 Search, 4 Catalog, Search; 1 (Not Visible Individually) is a configurable's child. */
    private static final Set<Integer> VISIBLE = Set.of(2, 3, 4);

    private Displayable() {
    }

    static boolean of(Map<String, Object> product, StoreViewScope scope) {
        return number(product.get("status")) == ENABLED && VISIBLE.contains(number(product.get("visibility")))
               && scope.inWebsite(product);
    }

    /** Numbers or numeric text, as Magento sends either; anything else counts as no value. */
    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? -1 : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
