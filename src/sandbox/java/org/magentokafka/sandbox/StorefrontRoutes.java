package org.magentokafka.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The storefront routes, each present only when its module is (a store without it answers the router's 404
 * "Request does not match any route.", as Magento does for a route no module declares).
 */
final class StorefrontRoutes {

    private StorefrontRoutes() {
    }

    static List<Route> list(StorefrontOptions options) {
        List<Route> routes = new ArrayList<>();
        if (options.storeRoutes()) {
            routes.add(Route.get("store/storeViews", AclResources.STORE, StoreEndpoints::storeViews));
            routes.add(Route.get("store/storeConfigs", AclResources.STORE, StoreEndpoints::storeConfigs));
            routes.add(Route.get("store/websites", AclResources.STORE, StoreEndpoints::websites));
        }
        routes.add(Route.get("configurable-products/{sku}/children", AclResources.PRODUCTS, ConfigurableEndpoints::children));
        if (options.inventoryModules()) {
            routes.add(Route.get("inventory/stock-resolver/{type}/{code}", AclResources.INVENTORY_STOCK,
                    InventorySalesEndpoints::stockResolver));
            routes.add(Route.get("inventory/export-stock-salable-qty/{salesChannelType}/{salesChannelCode}",
                    AclResources.INVENTORY_STOCK, InventorySalesEndpoints::salableQuantities));
            routes.add(Route.get("inventory/dump-stock-index-data/{salesChannelType}/{salesChannelCode}",
                    AclResources.INVENTORY_STOCK, InventorySalesEndpoints::stockIndexDump));
        }
        if (options.renderInfo()) {
            // webapi.xml of Magento_Catalog declares it with resource "anonymous": readable without credentials.
            routes.add(Route.get("products-render-info", AclResources.ANONYMOUS, RenderInfoEndpoints::list));
        }
        return routes;
    }
}
