package org.magentokafka.storefront;

import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.UnknownParts;

/**
 * What a store view sells in, read from {@code GET /V1/store/storeConfigs}, {@code /V1/store/websites} and
 * {@code /V1/inventory/stock-resolver/website/{code}}: the website whose products its topic carries, the stock
 * its salable quantities come from, the currency its prices are shown in and the base URLs its links start with.
 *
 * @param storeCode    the store view's code ({@code default}, {@code fr})
 * @param storeId      its numeric id (products-render-info's {@code storeId})
 * @param websiteId    the website it belongs to (what {@code extension_attributes.website_ids} lists)
 * @param websiteCode  that website's code (the path of the salable-quantity and stock-resolver endpoints)
 * @param currency     {@code default_display_currency_code}: render-info is asked in it, events carry it
 * @param mediaBaseUrl {@code secure_base_media_url}, with its trailing slash
 * @param linkBaseUrl  {@code secure_base_link_url}, with its trailing slash
 * @param timezone     the store view's timezone (its midnight is when special-price windows open and close)
 * @param stockId      the website's stock, or null when the store has no inventory modules (stock-resolver 404)
 * @param unknown      the storefront parts the store view's scope cannot give (a grant or route is missing): with
 *                     {@link EventPart#WEBSITE} unknown the other fields are not known either, and every product
 *                     the store view lists is published, never scoped out on a guess
 */
public record StoreViewScope(String storeCode, int storeId, int websiteId, String websiteCode, String currency,
                             String mediaBaseUrl, String linkBaseUrl, String timezone, Integer stockId,
                             UnknownParts unknown) {

    /** A scope read whole. */
    public StoreViewScope(String storeCode, int storeId, int websiteId, String websiteCode, String currency,
                          String mediaBaseUrl, String linkBaseUrl, String timezone, Integer stockId) {
        this(storeCode, storeId, websiteId, websiteCode, currency, mediaBaseUrl, linkBaseUrl, timezone, stockId,
                UnknownParts.NONE);
    }

    /** A store view whose configuration the store does not give: only its code is known. */
    static StoreViewScope unknown(String storeCode, UnknownParts unknown) {
        return new StoreViewScope(storeCode, 0, 0, null, null, null, null, null, null, unknown);
    }

    /** Whether the store view's website is known (its store configuration was readable). */
    public boolean websiteKnown() {
        return !unknown.contains(EventPart.WEBSITE);
    }

    /**
     * Whether a product row ({@code extension_attributes.website_ids}) is assigned to this store view's website;
     * true when the website is unknown: the store view's list is published as it is.
     */
    public boolean inWebsite(java.util.Map<String, Object> product) {
        return !websiteKnown() || WebsiteIds.of(product).contains(websiteId);
    }
}
