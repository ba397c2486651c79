package org.magentokafka.sandbox;

import java.util.List;
import java.util.Set;

/**
 * Magento's <i>Allow Anonymous Guest Access</i> (Stores > Configuration > Services > Magento Web API > Web API
 * Security, config path webapi/webapisecurity/allow_insecure). Source: Magento_WebapiSecurity, whose
 * Model/Plugin/AnonymousResourceSecurity rewrites the ACL resource of the routes listed in its etc/di.xml to
 * "anonymous" when the setting is Yes; with No (the default) they keep their resource and a caller without
 * credentials gets the usual 401 "The consumer isn't authorized to access %resources.". Only the listed routes
 * change: GET /V1/categories/list, /V1/cmsPage/search, /V1/products/attributes (the list) and
 * /V1/inventory/source-items are not listed and stay admin-only whatever the setting.
 */
final class GuestAccess {

    /** The di.xml entries this sandbox serves, as route patterns after /V1 (all GET). */
    private static final Set<List<String>> OPENED = Set.of(
            List.of("products"),
            List.of("products", "{sku}"),
            List.of("products", "attributes", "{attributeCode}"),
            List.of("categories"),
            List.of("categories", "{categoryId}"),
            List.of("store", "storeViews"),
            List.of("store", "storeConfigs"));

    private final boolean allowed;

    GuestAccess(boolean allowed) {
        this.allowed = allowed;
    }

    /** Whether the setting turned this route's resource into "anonymous". */
    boolean opens(Route route) {
        return allowed && "GET".equals(route.method()) && OPENED.contains(route.pattern());
    }
}
