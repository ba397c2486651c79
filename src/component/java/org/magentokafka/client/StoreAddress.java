package org.magentokafka.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a store's REST API lives: the store URL as the merchant gives it, the REST path ({@code /rest}, or
 * {@code /index.php/rest} for stores without URL rewrites) and the store view code, which Magento reads from
 * the path ({@code /rest/{store_code}/V1/...}).
 */
public record StoreAddress(String baseUrl, String restPath, String storeCode) {

    public StoreAddress {
        baseUrl = validateBaseUrl(baseUrl);
        restPath = normalizeRestPath(restPath);
        if (storeCode == null || storeCode.isBlank()) {
            storeCode = "default";
        }
        storeCode = storeCode.strip();
        if ("all".equals(storeCode)) {
            throw new IllegalArgumentException("magento.store-code=all is refused by Magento for GET requests"
                                               + " (\"Cannot perform GET operation with store code 'all'\"): use a store view code such as 'default'");
        }
    }

    /** The path of a REST resource in this store view, e.g. {@code /rest/default/V1/products}. */
    public String path(String resource) {
        return restPath + "/" + storeCode + resource;
    }

    public URI uri(String resource, String rawQuery) {
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return URI.create(baseUrl + path(resource) + query);
    }

    private static String validateBaseUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "magento.base-url is not set: set it (env MAGENTO_BASE_URL) to the store URL, e.g. https://www.yourstore.com");
        }
        String v = value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("magento.base-url='" + value
                                                   + "' is not an http(s) URL: use the store URL, e.g. https://www.yourstore.com");
            }
            if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("magento.base-url must not contain a query or credentials:"
                                                   + " put credentials in magento.auth.* instead");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (path.endsWith("/rest") || path.contains("/rest/")) {
                throw new IllegalArgumentException("magento.base-url='" + value
                                                   + "' already contains the REST path: give the store URL only and set magento.rest-path");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("magento.base-url='" + value + "' is not a valid URL: " + e.getReason());
        }
        return v;
    }

    private static String normalizeRestPath(String value) {
        String v = value == null || value.isBlank() ? "/rest" : value.strip();
        if (!v.startsWith("/")) {
            v = "/" + v;
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
