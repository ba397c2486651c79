package org.magentokafka.health;

import java.util.List;

import org.magentokafka.client.MagentoClient;

/**
 * What the connection check uses of a stream's endpoint (the component's {@code MagentoEndpoint}): it starts it (which
 * builds the clients and never calls the store), then asks the first store view's client for one item.
 */
public interface ProbedStream {

    /** Builds the endpoint's clients; a configuration that cannot work fails here. */
    void start();

    /** The store views the endpoint reads: the check asks the first. */
    List<String> storeCodes();

    MagentoClient client(String storeCode);

    /** Products: whether each website's stock index is read every cycle (magento.stock.index). */
    boolean stockIndex();

    /** Products: whether changed orders are read at each poll (magento.stock.order-signals). */
    boolean orderSignals();

    /** magento.auth.mode=none: what the store refuses is said in the words for guests. */
    boolean guest();
}
