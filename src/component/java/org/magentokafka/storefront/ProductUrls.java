package org.magentokafka.storefront;

import java.util.Map;

/**
 * The event's {@code urls}: {@code {product, images[{url, roles, label}]}}, absolute: the storefront URL from
 * render-info (or {@code secure_base_link_url + catalog/product/view/id/{id}/s/{url_key}/}), images from
 * {@code secure_base_media_url + catalog/product + file}.
 */
final class ProductUrls {

    private ProductUrls() {
    }

    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        return null; // TODO(prices)
    }
}
