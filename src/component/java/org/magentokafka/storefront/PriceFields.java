package org.magentokafka.storefront;

import java.util.Map;

/**
 * The event's {@code prices}: {@code {currency, regular, final, special{price, from, to}, min, max}} from the
 * product's products-render-info item (or, without render-info, from its price and special-price dates).
 */
final class PriceFields {

    private PriceFields() {
    }

    /** The prices, or null when the product is not in the website's price index (absent from render-info). */
    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        return null; // TODO(prices)
    }
}
