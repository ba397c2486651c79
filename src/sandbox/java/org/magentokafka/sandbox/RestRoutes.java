package org.magentokafka.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The routes the sandbox serves. Routes with fewer placeholders are tried first, so
 * /V1/products/attributes wins over /V1/products/{sku} as in Magento's router.
 */
final class RestRoutes {

    /** A route and the placeholder values it matched. */
    record Match(Route route, List<String> params) {
    }

    private final List<Route> routes;

    RestRoutes(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt(Route::placeholderCount)).toList();
    }

    static RestRoutes catalogRoutes() {
        return new RestRoutes(catalogRouteList());
    }

    /** The routes every store has; those a store may lack (store, inventory, render-info) are in {@link StorefrontRoutes}. */
    static List<Route> catalogRouteList() {
        return List.of(
                Route.get("products", AclResources.PRODUCTS, ProductEndpoints::list),
                Route.get("products/{sku}", AclResources.PRODUCTS, ProductEndpoints::get),
                Route.get("products/attributes", AclResources.ATTRIBUTES, AttributeEndpoints::list),
                Route.get("products/attributes/{attributeCode}", AclResources.ATTRIBUTES, AttributeEndpoints::get),
                Route.get("categories", AclResources.CATEGORIES, CategoryEndpoints::tree),
                Route.get("categories/list", AclResources.CATEGORIES, CategoryEndpoints::list),
                Route.get("categories/{categoryId}", AclResources.CATEGORIES, CategoryEndpoints::get),
                Route.get("cmsPage/search", AclResources.CMS_PAGE, CmsPageEndpoints::search),
                Route.get("inventory/source-items", AclResources.INVENTORY_SOURCE, SourceItemEndpoints::list));
    }

    /** @param segments the path after /V1 */
    Optional<Match> find(String method, List<String> segments) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            List<String> params = route.match(segments);
            if (params != null) {
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }
}
