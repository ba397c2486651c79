package org.magentokafka.producer;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.stream.MagentoStream;

/** {@code magento:categories}: the store view's category tree as {@link CategoryPaths}, cached. */
public final class CategoriesProducer extends LookupProducer {

    private final ProductPageLookups lookups;

    public <E extends Endpoint & LookupContext> CategoriesProducer(E endpoint) {
        super(endpoint);
        this.lookups = new ProductPageLookups(endpoint);
    }

    @Override
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception {
        return lookups.categories(client, store).await();
    }

    /** The store view's category tree (cached); without paths, and saying why, when the store refuses it. */
    public static CategoryPaths categories(LookupContext context, MagentoClient client) {
        String tree = "/V1/categories";
        return context.store().metadata().get(MagentoStream.CATEGORIES.uriName(), MetadataCache.storeKey(client),
                context.getConfiguration().getMetadataRefresh(), () -> {
                    try {
                        return CategoryPaths.of(context.mapper().convertValue(client.getJson(tree, null), ITEM));
                    } catch (MagentoException e) {
                        return CategoryPaths.unknown(Unavailable.orThrow(e, MagentoStream.CATEGORIES.aclResource(), tree));
                    }
                });
    }
}
