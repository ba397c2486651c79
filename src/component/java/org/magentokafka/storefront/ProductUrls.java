package org.magentokafka.storefront;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event's {@code urls}: {@code {product, images[{url, roles, label}]}}, absolute: the storefront URL from
 * render-info (or {@code secure_base_link_url + catalog/product/view/id/{id}/s/{url_key}/}), images from
 * {@code secure_base_media_url + catalog/product + file}.
 * <p>
 * Render-info's {@code url} is the product's URL rewrite with the store's URL suffix; neither the rewrite nor the
 * suffix is readable over GET otherwise, so the fallback is the path every Magento store answers (and redirects to
 * the rewrite), as commerce-data-export's own fallback. Gallery entries marked {@code disabled} are hidden on the
 * storefront and left out.
 */
final class ProductUrls {

    private ProductUrls() {
    }

    static Map<String, Object> of(Map<String, Object> product, StorefrontPage page) {
        StoreViewScope scope = page.scope();
        Map<String, Object> item = page.renderInfo() != null && product.get("id") instanceof Number id
                ? page.renderInfo().get(id.longValue()) : null;
        String url = item != null && item.get("url") instanceof String u && !u.isBlank() ? u : viewUrl(product, scope);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("product", url);
        out.put("images", images(product, scope));
        return out;
    }

    /** {@code catalog/product/view/id/{id}/s/{url_key}/} under the store view's link base URL. */
    static String viewUrl(Map<String, Object> product, StoreViewScope scope) {
        String urlKey = SpecialPrice.attribute(product, "url_key");
        return withSlash(scope.linkBaseUrl()) + "catalog/product/view/id/" + product.get("id") + "/"
               + (urlKey == null || urlKey.isBlank() ? "" : "s/" + urlKey + "/");
    }

    private static List<Map<String, Object>> images(Map<String, Object> product, StoreViewScope scope) {
        List<Map<String, Object>> images = new ArrayList<>();
        if (!(product.get("media_gallery_entries") instanceof List<?> entries)) {
            return images;
        }
        String base = withSlash(scope.mediaBaseUrl()) + "catalog/product";
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> entry) || disabled(entry.get("disabled"))
                || !(entry.get("file") instanceof String file) || file.isBlank()) {
                continue;
            }
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("url", base + (file.startsWith("/") ? file : "/" + file));
            image.put("roles", entry.get("types") instanceof List<?> types ? new ArrayList<>(types) : List.of());
            image.put("label", entry.get("label"));
            images.add(image);
        }
        return images;
    }

    private static boolean disabled(Object flag) {
        return Boolean.TRUE.equals(flag) || flag instanceof Number n && n.intValue() == 1 || "true".equals(flag) || "1".equals(flag);
    }

    private static String withSlash(String base) {
        if (base == null) {
            return "/";
        }
        return base.endsWith("/") ? base : base + "/";
    }
}
