package org.magentokafka.component;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.magentokafka.change.FileStateStore;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.NetworkSettings;
import org.magentokafka.client.StoreGate;
import org.magentokafka.kafka.KafkaClientSettings;

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
    private org.magentokafka.change.KafkaStateBackend kafkaState;
    private final MetadataCache metadata = new MetadataCache();
    private final CatalogSignals signals = new CatalogSignals();
    private final Authenticators authenticators = new Authenticators();
    private final Map<String, PollStatus> pollStatus = new ConcurrentHashMap<>();
    private final InventoryPrefetch inventoryPrefetch = new InventoryPrefetch();
    private final org.magentokafka.client.ClientMetrics clientMetrics = new org.magentokafka.client.ClientMetrics();
    private final Map<Object, HttpClient> httpClients = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MagentoStream stream = MagentoStream.fromUri(remaining);
        MagentoEndpoint endpoint = new MagentoEndpoint(uri, this, configuration.copy());
        endpoint.setStream(stream.uriName());
        setProperties(endpoint, parameters);
        // baseUrl is optional in the URI (the catalog says so) because it is normally set once on the component.
        String baseUrl = endpoint.getConfiguration().getBaseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Endpoint magento:" + stream.uriName() + " has no store URL: set baseUrl on"
                                               + " the URI or magento.base-url (env MAGENTO_BASE_URL), e.g. https://www.yourstore.com");
        }
        return endpoint;
    }

    // Options set from text (URI, component properties) read durations and enums in the connector's syntax.
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return ParsingConfigurer.around(super.getComponentPropertyConfigurer());
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return ParsingConfigurer.around(super.getEndpointPropertyConfigurer());
    }

    @Override
    protected void doStop() throws Exception {
        states.values().forEach(StateStore::close);
        states.clear();
        if (kafkaState != null) {
            kafkaState.close();
            kafkaState = null;
        }
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

    StoreGate gateFor(String baseUrl, int maxConcurrency, double maxPerSecond) {
        return gates.computeIfAbsent(baseUrl, k -> new StoreGate(maxConcurrency, maxPerSecond));
    }

    /**
     * The HTTP client for every request to the store with these settings (catalog, admin token, handshake token
     * exchange): proxy and trusted CAs from magento.proxy.* and magento.tls.*, built once and shared.
     */
    HttpClient httpClientFor(MagentoConfiguration conf) {
        NetworkSettings network = new NetworkSettings(conf.getProxyHost(), conf.getProxyPort(), conf.getTruststore(),
                conf.getTruststorePassword(), conf.getTruststoreType());
        Duration connect = conf.getConnectTimeout();
        return httpClients.computeIfAbsent(List.of(network, connect), k -> network.httpClient(connect));
    }

    /** The store's HTTP client for the component's own settings, for the handshake's token exchange. */
    public HttpClient httpClient() {
        return httpClientFor(configuration);
    }

    org.magentokafka.client.ClientMetrics clientMetrics() {
        return clientMetrics;
    }

    /** The state of one stream of one store view, opened on first use (the first poll, not the start). */
    StateStore stateFor(MagentoConfiguration conf, MagentoStream stream, String storeCode) {
        if ("kafka".equalsIgnoreCase(conf.getStateStore())) {
            return states.computeIfAbsent("kafka|" + stream.uriName() + "|" + storeCode,
                    k -> kafkaState(conf).open(stream.uriName(), storeCode));
        }
        Path file = Path.of(conf.getStateDirectory()).resolve(stream.uriName() + "." + storeCode + ".state");
        return states.computeIfAbsent(file.toAbsolutePath().toString(), k -> new FileStateStore(file));
    }

    private synchronized org.magentokafka.change.KafkaStateBackend kafkaState(MagentoConfiguration conf) {
        if (kafkaState == null) {
            // The application's Kafka client settings (security...) when it has them, with the state's own brokers.
            KafkaClientSettings settings = getCamelContext().getRegistry().findSingleByType(KafkaClientSettings.class);
            kafkaState = new org.magentokafka.change.KafkaStateBackend((settings == null ? KafkaClientSettings.of(Map.of()) : settings)
                    .withBootstrapServers(conf.getStateKafkaBootstrapServers()), conf.getStateTopic());
        }
        return kafkaState;
    }

    MetadataCache metadata() {
        return metadata;
    }

    CatalogSignals signals() {
        return signals;
    }

    /** The polling status of a stream (its consumer's poll loop), created when the consumer starts. */
    public PollStatus pollStatus(String stream) {
        return pollStatus.computeIfAbsent(stream, k -> {
            PollStatus status = new PollStatus();
            io.micrometer.core.instrument.MeterRegistry registry = io.micrometer.core.instrument.Metrics.globalRegistry;
            io.micrometer.core.instrument.Gauge.builder("magento.poll.last.success", status,
                    s -> s.lastSuccess() == null ? 0 : s.lastSuccess().getEpochSecond())
                    .description("Epoch seconds of the stream's last successful poll").tag("stream", k).register(registry);
            io.micrometer.core.instrument.Gauge.builder("magento.sync.pages.done", status, PollStatus::pagesDone)
                    .description("Pages delivered in the running (or last) sync").tag("stream", k).register(registry);
            io.micrometer.core.instrument.Gauge.builder("magento.sync.pages.total", status, PollStatus::pagesTotal)
                    .description("Pages of the running (or last) sync").tag("stream", k).register(registry);
            return status;
        });
    }

    /** Streams whose consumers run in this context, with their status. */
    public Map<String, PollStatus> pollStatuses() {
        return Map.copyOf(pollStatus);
    }

    InventoryPrefetch inventoryPrefetch() {
        return inventoryPrefetch;
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
        authenticators.handshake(configuration, address, httpClient()).install(credentials);
    }
}
