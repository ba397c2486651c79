package org.magentokafka.component;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.magentokafka.change.FileStateStore;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.StoreGate;

/**
 * The {@code magento:} component: reads a Magento 2 / Adobe Commerce catalog over REST. Holds what all endpoints
 * of a store share: the configuration (copied per endpoint), one {@link StoreGate} per store, the change state per
 * stream and store view, the metadata cache used by enrichment, and the signals between streams.
 */
@Component("magento")
public class MagentoComponent extends HealthCheckComponent {

    @Metadata
    private MagentoConfiguration configuration = new MagentoConfiguration();

    private final Map<String, StoreGate> gates = new ConcurrentHashMap<>();
    private final Map<String, StateStore> states = new ConcurrentHashMap<>();
    private final MetadataCache metadata = new MetadataCache();
    private final CatalogSignals signals = new CatalogSignals();
    private final Authenticators authenticators = new Authenticators();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MagentoStream stream = MagentoStream.fromUri(remaining);
        MagentoEndpoint endpoint = new MagentoEndpoint(uri, this, configuration.copy());
        endpoint.setStream(stream.uriName());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStop() throws Exception {
        states.values().forEach(StateStore::close);
        states.clear();
        super.doStop();
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

    /** The state of one stream of one store view, opened on first use (the first poll, not the start). */
    StateStore stateFor(String directory, MagentoStream stream, String storeCode) {
        Path file = Path.of(directory).resolve(stream.uriName() + "." + storeCode + ".state");
        return states.computeIfAbsent(file.toAbsolutePath().toString(), k -> new FileStateStore(file));
    }

    MetadataCache metadata() {
        return metadata;
    }

    CatalogSignals signals() {
        return signals;
    }

    Authenticators authenticators() {
        return authenticators;
    }

    /**
     * Hands credentials received by the integration handshake to every endpoint of the store; persisted by the
     * caller first.
     */
    public void installHandshakeCredentials(org.magentokafka.auth.OAuth1Credentials credentials) {
        org.magentokafka.client.StoreAddress address = new org.magentokafka.client.StoreAddress(configuration.getBaseUrl(),
                configuration.getRestPath(), "default");
        authenticators.handshake(configuration, address).install(credentials);
    }
}
