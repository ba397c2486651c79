package org.magentokafka.producer;

import java.util.List;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.enrich.Unavailable;
import org.magentokafka.stream.MagentoStream;

/** {@code magento:product-attributes}: the store view's attribute metadata as an {@link AttributeCatalog}, cached. */
public final class AttributesProducer extends LookupProducer {

    private final ProductPageLookups lookups;

    public <E extends Endpoint & LookupContext> AttributesProducer(E endpoint) {
        super(endpoint);
        this.lookups = new ProductPageLookups(endpoint);
    }

    @Override
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) throws Exception {
        return lookups.attributes(client, store).await();
    }

    /** The store view's attribute metadata (cached); without labels, and saying why, when the store refuses it. */
    public static AttributeCatalog attributes(LookupContext context, MagentoClient client) {
        MagentoStream stream = MagentoStream.PRODUCT_ATTRIBUTES;
        return context.store().metadata().get(stream.uriName(), MetadataCache.storeKey(client),
                context.getConfiguration().getMetadataRefresh(), () -> {
                    try {
                        return AttributeCatalog.of(allPages(client, stream, List.of()));
                    } catch (MagentoException e) {
                        return AttributeCatalog.unknown(Unavailable.orThrow(e, stream.aclResource(), stream.resource()));
                    }
                });
    }
}
