package org.magentokafka.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.magentokafka.client.StoreGate;

/**
 * The {@code magento:} component: reads a Magento 2 / Adobe Commerce catalog over REST. Holds the configuration
 * shared by all endpoints (store URL, credentials) and one {@link StoreGate} per store, so every stream and
 * look-up of a store shares its concurrency level.
 */
@Component("magento")
public class MagentoComponent extends HealthCheckComponent {

    @Metadata
    private MagentoConfiguration configuration = new MagentoConfiguration();

    private final Map<String, StoreGate> gates = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MagentoStream stream = MagentoStream.fromUri(remaining);
        MagentoEndpoint endpoint = new MagentoEndpoint(uri, this, configuration.copy());
        endpoint.setStream(stream.uriName());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public MagentoConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component's shared configuration; each endpoint starts from a copy.
     */
    public void setConfiguration(MagentoConfiguration configuration) {
        this.configuration = configuration;
    }

    StoreGate gateFor(String baseUrl, int maxConcurrency) {
        return gates.computeIfAbsent(baseUrl, k -> new StoreGate(maxConcurrency));
    }
}
