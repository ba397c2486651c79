package org.magentokafka.producer;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.stream.MagentoConstants;

/** A stream without a page look-up of its own (CMS pages): only its items by key, header {@value MagentoConstants#KEY}. */
public final class ItemProducer extends LookupProducer {

    public <E extends Endpoint & LookupContext> ItemProducer(E endpoint) {
        super(endpoint);
    }

    @Override
    protected Object lookUp(Exchange exchange, String store, MagentoClient client) {
        throw new IllegalArgumentException("magento:" + context().stream().uriName() + " look-up needs the header "
                                           + MagentoConstants.KEY + " with the item's key");
    }
}
