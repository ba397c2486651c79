package org.magentokafka.storefront;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.storefront.StoreScopes;
import org.magentokafka.storefront.StoreViewScope;
import org.magentokafka.storefront.StorefrontLookup;
import org.magentokafka.storefront.StorefrontPage;

/**
 * The {@code magento:products} look-up of a page in one store view, as the route's enricher and the page fetchers
 * ({@code prefetchStorefront}) both make it: the store view's scope from the metadata cache (kind
 * {@code StoreScopes.CACHE_KIND}: three requests once per store view and refresh, never per page), then the page's
 * {@link StorefrontLookup}. The key says which page and store view a prefetched answer belongs to.
 */
final class StorefrontLookups {

    private StorefrontLookups() {
    }

    static StorefrontPage of(MagentoEndpoint endpoint, MagentoClient client, List<Map<String, Object>> products,
                             Executor parallel) {
        return StorefrontLookup.of(client, scope(endpoint, client), products,
                MagentoProducer.guest(endpoint.getConfiguration()), parallel);
    }

    static StoreViewScope scope(MagentoEndpoint endpoint, MagentoClient client) {
        boolean guest = MagentoProducer.guest(endpoint.getConfiguration());
        return endpoint.store().metadata().get(StoreScopes.CACHE_KIND, MagentoProducer.cacheKey(client),
                endpoint.getConfiguration().getMetadataRefresh(), () -> StoreScopes.load(client, client.address().storeCode(), guest));
    }

    /** A page's look-up in a store view: the store (URL and store view) and the page's SKUs, whatever their order. */
    static Object key(MagentoClient client, Set<String> skus) {
        return List.of(MagentoProducer.cacheKey(client), Set.copyOf(skus));
    }
}
