package org.magentokafka.storefront;

import java.util.Map;

/**
 * commerce-data-export's {@code displayable}: enabled, visible in the catalog, search or both, and assigned to the
 * store view's website. (Whether it is in the website's price index is the caller's part: see
 * {@link StorefrontFields}.)
 */
final class Displayable {

    private Displayable() {
    }

    static boolean of(Map<String, Object> product, StoreViewScope scope) {
        return false; // TODO(scope)
    }
}
