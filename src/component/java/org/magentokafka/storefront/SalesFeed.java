package org.magentokafka.storefront;

/**
 * The sales documents whose changes move salable stock through reservations, as the order signals read them and the
 * connection check asks them: each route with its ACL resource (Magento_Sales {@code etc/webapi.xml} since 2.3) and
 * the one projection ever sent, its ids, dates and item SKUs, so that no customer field is requested
 * ({@code Magento\Framework\Webapi\Rest\Response\FieldsFilter}; {@code total_count} listed, as it is dropped otherwise).
 */
public enum SalesFeed {

    ORDERS("/V1/orders", "orders", "Magento_Sales::actions_view"),
    CREDIT_MEMOS("/V1/creditmemos", "creditmemos", "Magento_Sales::sales_creditmemo");

    /** Ids, dates and item SKUs, and the count the pages need: what the store answers, nothing more. */
    public static final String FIELDS = "items[entity_id,updated_at,items[sku]],total_count";

    private final String resource;
    private final String stateScope;
    private final String grant;

    SalesFeed(String resource, String stateScope, String grant) {
        this.resource = resource;
        this.stateScope = stateScope;
        this.grant = grant;
    }

    public String resource() {
        return resource;
    }

    /** The scope of its watermark in the state ({@code order-signals.<scope>}). */
    public String stateScope() {
        return stateScope;
    }

    /** The ACL resource its route needs. */
    public String grant() {
        return grant;
    }
}
