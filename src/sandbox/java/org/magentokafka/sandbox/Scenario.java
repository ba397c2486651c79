package org.magentokafka.sandbox;

/**
 * How the store (and whatever sits in front of it) answers. Switchable at runtime so a test can
 * watch the connector react to a store going away and coming back.
 */
public enum Scenario {
    /** Magento answers normally. */
    NORMAL,
    /** Magento maintenance mode: HTML 503 from pub/errors, before any routing or auth. */
    MAINTENANCE_HTML_503,
    /** A WAF (Cloudflare-like) blocks the caller with an HTML 403 page. */
    WAF_HTML_403,
    /** Wrong store URL: the web server answers HTML 404 for every path, Magento is never reached. */
    NOT_FOUND_ALL,
    /** A freshly installed store: authenticated searches succeed with no products, pages or stock. */
    EMPTY_CATALOG,
    /** Every authorized request fails inside Magento with the masked 500 "Internal Error" body. */
    INTERNAL_ERROR_500
}
