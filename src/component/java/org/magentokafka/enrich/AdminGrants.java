package org.magentokafka.enrich;

import java.util.Map;

/**
 * ACL resources as the integration's API tab shows them (System > Extensions > Integrations > API), so a line
 * names what the merchant clicks, not only the id in Magento's webapi.xml.
 */
public final class AdminGrants {

    private static final Map<String, String> TREE = Map.of(
            "Magento_Catalog::products", "Catalog > Inventory > Products",
            "Magento_Catalog::categories", "Catalog > Inventory > Categories",
            "Magento_Cms::page", "Content > Elements > Pages",
            "Magento_InventoryApi::source", "Stores > Inventory > Sources",
            "Magento_InventoryApi::stock", "Stores > Inventory > Stocks",
            "Magento_Catalog::attributes_attributes", "Stores > Attributes > Product",
            "Magento_Backend::store", "Stores > Settings > All Stores",
            "Magento_Sales::actions_view", "Sales > Operations > Orders > Actions > View",
            "Magento_Sales::sales_creditmemo", "Sales > Operations > Credit Memos");

    private AdminGrants() {
    }

    /** {@code Stores > Settings > All Stores (Magento_Backend::store)}; the id alone when the tree is not known. */
    public static String label(String resource) {
        String path = TREE.get(resource);
        return path == null ? resource : path + " (" + resource + ")";
    }
}
