package org.magentokafka.sandbox;

/** ACL resource ids from each module's etc/webapi.xml, as Magento names them in 401 bodies. */
public final class AclResources {
    public static final String PRODUCTS = "Magento_Catalog::products";
    public static final String CATEGORIES = "Magento_Catalog::categories";
    public static final String CMS_PAGE = "Magento_Cms::page";
    public static final String INVENTORY_SOURCE = "Magento_InventoryApi::source";
    public static final String ATTRIBUTES = "Magento_Catalog::attributes_attributes";
    /** Stores > Attributes > Attribute Set. No route of the sandbox needs it; setup guides grant it anyway. */
    public static final String ATTRIBUTE_SETS = "Magento_Catalog::sets";
    /** Stores > Attributes > Rating (Magento_Review). No route of the sandbox needs it. */
    public static final String RATINGS = "Magento_Review::ratings";
    /** Stores > Attributes > Swatches (Magento_Swatches). No route of the sandbox needs it. */
    public static final String SWATCHES = "Magento_Swatches::iframe";
    public static final String STORE = "Magento_Backend::store";
    /** Stocks, the stock resolver and salable quantities (magento/inventory InventoryApi, InventoryExportStockApi). */
    public static final String INVENTORY_STOCK = "Magento_InventoryApi::stock";
    /**
     * Sales > Operations > Orders > Actions > View: GET /V1/orders (Magento_Sales etc/webapi.xml,
     * OrderRepositoryInterface::getList; {@code Magento_Sales::sales} before 2.3). Orders carry customer data.
     */
    public static final String SALES_ORDERS = "Magento_Sales::actions_view";
    /** Sales > Operations > Credit Memos: GET /V1/creditmemos (CreditmemoRepositoryInterface::getList). */
    public static final String SALES_CREDIT_MEMOS = "Magento_Sales::sales_creditmemo";
    /** webapi.xml's resource for routes anyone may call, such as the admin token route. */
    public static final String ANONYMOUS = "anonymous";

    private AclResources() {
    }
}
