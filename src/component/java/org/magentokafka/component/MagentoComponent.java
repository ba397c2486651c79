package org.magentokafka.component;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.magentokafka.enrich.PartAvailability;
import org.magentokafka.auth.OAuth1Credentials;
import org.magentokafka.change.FileStateStore;
import org.magentokafka.change.KafkaStateBackend;
import org.magentokafka.kafka.FencedWriter;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.ClientMetrics;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.consumer.StreamMetrics;
import org.magentokafka.kafka.KafkaClientSettings;
import org.magentokafka.stream.MagentoStream;

/**
 * The {@code magento:} component: reads a Magento 2 / Adobe Commerce catalog over REST. Holds the configuration
 * (copied per endpoint) and one {@link StoreContext} per store, what all endpoints of that store share (gate, HTTP
 * clients, authenticators, caches, signals, change state): opened on first use, closed when the component stops.
 */
@Component("magento")
public class MagentoComponent extends HealthCheckComponent {

    private final PartAvailability enrichment = new PartAvailability();

    @Metadata
    private MagentoConfiguration configuration = new MagentoConfiguration();

    @Metadata(label = "advanced", secret = true, description = "Kafka client properties for the kafka state store's"
              + " producer, consumer and admin client (security.protocol, sasl.jaas.config, ssl.*...); each client gets"
              + " the ones it knows. stateKafkaBootstrapServers, when set, replaces bootstrap.servers.")
    private Map<String, Object> stateKafkaProperties = new HashMap<>();

    private final Map<String, StoreContext> stores = new ConcurrentHashMap<>();
    private KafkaStateBackend kafkaState;
    /** High availability's transactional writer, set by the application; null without high availability. */
    private volatile FencedWriter fencedWriter;
    private final Map<String, PollStatus> pollStatus = new ConcurrentHashMap<>();
    private final ClientMetrics clientMetrics = new ClientMetrics();
    private final StreamMetrics metrics = new StreamMetrics();
    /** The wall clock whose store-view dates the price pass follows; not an option: tests move it (see clock()). */
    private volatile Clock clock = Clock.systemUTC();

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
        stores.values().forEach(StoreContext::close);
        stores.clear();
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

    public Map<String, Object> getStateKafkaProperties() {
        return stateKafkaProperties;
    }

    public void setStateKafkaProperties(Map<String, Object> stateKafkaProperties) {
        this.stateKafkaProperties = stateKafkaProperties;
    }

    /**
     * High availability: events and state are written in the transactions of this writer (see {@link FencedWriter}),
     * whose {@code transactional.id} the replicas of one deployment share. Not an option: the application sets it.
     */
    public void useFencedWriter(FencedWriter writer) {
        this.fencedWriter = writer;
    }

    /** The transactional writer of a highly available connector, or empty. */
    public Optional<FencedWriter> fencedWriter() {
        return Optional.ofNullable(fencedWriter);
    }

    /**
     * This replica took the lease: it fences whoever held it before and reads the shared state again at its next
     * poll, since its successor may have written since this replica last led.
     */
    public void takeOver() {
        if (fencedWriter != null) {
            fencedWriter.takeOver();
        }
        synchronized (this) {
            if (kafkaState != null) {
                kafkaState.reload();
            }
        }
        stores.values().forEach(StoreContext::forgetStates);
    }

    /** This replica gave the lease up: it writes nothing until it takes it again. */
    public void standBy(String why) {
        if (fencedWriter != null) {
            fencedWriter.release(why);
        }
    }

    /** The clock the price pass reads store-view dates from (the system clock unless {@link #useClock} set one). */
    public Clock clock() {
        return clock;
    }

    /**
     * For tests and embedders: a clock of their own (e.g. one moved past a store view's midnight together with the
     * simulator's). Deliberately not a setter, so it is no component option.
     */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    /** What the streams of the store at this URL share, opened on first use. */
    StoreContext store(String baseUrl) {
        return stores.computeIfAbsent(StoreContext.keyOf(baseUrl), StoreContext::new);
    }

    /**
     * The HTTP client for every request to the store with these settings (catalog, admin token, handshake token
     * exchange): proxy and trusted CAs from magento.proxy.* and magento.tls.*, built once and shared.
     */
    HttpClient httpClientFor(MagentoConfiguration conf) {
        NetworkSettings network = new NetworkSettings(conf.getProxyHost(), conf.getProxyPort(), conf.getTruststore(),
                conf.getTruststorePassword(), conf.getTruststoreType());
        Duration connect = conf.getConnectTimeout();
        return store(conf.getBaseUrl()).httpClient(network, connect);
    }

    /** The store's HTTP client for the component's own settings, for the handshake's token exchange. */
    public HttpClient httpClient() {
        return httpClientFor(configuration);
    }

    ClientMetrics clientMetrics() {
        return clientMetrics;
    }

    /** The state of one stream of one store view, opened on first use (the first poll, not the start). */
    StateStore stateFor(MagentoConfiguration conf, MagentoStream stream, String storeCode) {
        return stateFor(conf, stream.uriName(), storeCode);
    }

    /**
     * A state by name and scope (a stream and a store view, or a scan's own state such as the salable-quantity
     * scan's per website), in the configured state store, opened on first use.
     */
    StateStore stateFor(MagentoConfiguration conf, String name, String scope) {
        StoreContext store = store(conf.getBaseUrl());
        if ("kafka".equalsIgnoreCase(conf.getStateStore())) {
            return store.state("kafka|" + name + "|" + scope, () -> kafkaState(conf).open(name, scope));
        }
        Path file = Path.of(conf.getStateDirectory()).resolve(name + "." + scope + ".state");
        return store.state(file.toAbsolutePath().toString(), () -> new FileStateStore(file));
    }

    private synchronized KafkaStateBackend kafkaState(MagentoConfiguration conf) {
        if (kafkaState == null) {
            // The client properties given to the component (security...), with the state's own brokers.
            KafkaClientSettings settings = KafkaClientSettings.of(stateKafkaProperties);
            kafkaState = new KafkaStateBackend(settings
                    .withBootstrapServers(conf.getStateKafkaBootstrapServers()), conf.getStateTopic(), fencedWriter);
        }
        return kafkaState;
    }

    /** Which optional parts of the product events each store view has now (gauges, health details). */
    public PartAvailability enrichment() {
        return enrichment;
    }

    /**
     * The polling status of a stream (its consumer's poll loop), created with the consumer; a stream without a change
     * timestamp is read as scans, which changes what its freshness means.
     */
    public PollStatus pollStatus(String stream) {
        return pollStatus(stream, !MagentoStream.fromUri(stream).timestamped());
    }

    /** What refreshes part of a stream's data on a loop of its own (stock index, order signals), judged like a stream. */
    public PollStatus pollStatus(String name, boolean scanned) {
        return pollStatus.computeIfAbsent(name, k -> metrics.pollGauges(k, new PollStatus(scanned)));
    }

    /** Streams whose consumers run in this context, with their status. */
    public Map<String, PollStatus> pollStatuses() {
        return Map.copyOf(pollStatus);
    }

    /**
     * Hands credentials received by the integration handshake to every endpoint of the store; persisted by the
     * caller first.
     */
    public void installHandshakeCredentials(OAuth1Credentials credentials) {
        StoreAddress address = new StoreAddress(configuration.getBaseUrl(), configuration.getRestPath(), "default");
        store(address.baseUrl()).authenticators().handshake(configuration, address, httpClient()).install(credentials);
    }
}
