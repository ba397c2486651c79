package org.magentokafka.storefront;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.MetadataCache;

/**
 * The {@code magento:products} look-up of a page in one store view, as the route's enricher and the page fetchers
 * ({@code prefetchStorefront}) both make it: the store view's scope from the metadata cache (kind
 * {@code StoreScopes.CACHE_KIND}: three requests once per store view and refresh, never per page), then the page's
 * {@link StorefrontLookup}. The key says which page and store view a prefetched answer belongs to.
 */
public final class StorefrontLookups {

    private final MetadataCache metadata;
    private final Duration metadataRefresh;
    private final boolean guest;

    /**
     * @param metadata        the store's metadata cache, which keeps each store view's scope
     * @param metadataRefresh how long a cached scope is used
     * @param guest           magento.auth.mode=none: what guests are never served is not asked for
     */
    public StorefrontLookups(MetadataCache metadata, Duration metadataRefresh, boolean guest) {
        this.metadata = metadata;
        this.metadataRefresh = metadataRefresh;
        this.guest = guest;
    }

    public StorefrontPage of(MagentoClient client, List<Map<String, Object>> products, Executor parallel) {
        return StorefrontLookup.of(client, scope(client), products, guest, parallel);
    }

    public StoreViewScope scope(MagentoClient client) {
        return metadata.get(StoreScopes.CACHE_KIND, MetadataCache.storeKey(client), metadataRefresh,
                () -> StoreScopes.load(client, client.address().storeCode(), guest));
    }

    /** A page's look-up in a store view: the store (URL and store view) and the page's SKUs, whatever their order. */
    public static Object key(MagentoClient client, Set<String> skus) {
        return List.of(MetadataCache.storeKey(client), Set.copyOf(skus));
    }
}
