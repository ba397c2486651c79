package org.magentokafka.storefront;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.magentokafka.client.MagentoClient;
import org.magentokafka.enrich.MetadataCache;

/**
 * The storefront look-ups of a page in one store view, as a page's look-ups and {@code magento:products} both make
 * them: the store view's scope from the metadata cache (kind {@code StoreScopes.CACHE_KIND}: three requests once per
 * store view and refresh, never per page), then the page's {@link StorefrontLookup}.
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
}
