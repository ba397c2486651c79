package org.magentokafka.component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.magentokafka.auth.Authenticator;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.RetryPolicy;
import org.magentokafka.client.ScanBudget;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.paging.Paging;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;

/**
 * Reads one catalog stream of one Magento store view (consumer), or looks items up by key (producer).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "magento", title = "Magento", syntax = "magento:stream",
             category = { Category.SAAS }, headersClass = MagentoConstants.class)
public class MagentoEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(enums = "products,categories,cms-pages,source-items,product-attributes")
    @Metadata(required = true)
    private String stream;
    @UriParam
    private MagentoConfiguration configuration;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, MagentoClient> clients = new LinkedHashMap<>();
    private final Map<String, MagentoClient> scanClients = new LinkedHashMap<>();

    public MagentoEndpoint(String uri, MagentoComponent component, MagentoConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MagentoConsumer consumer = new MagentoConsumer(this, processor);
        configureConsumer(consumer);
        consumer.setDelay(pollInterval().toMillis());
        return consumer;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new MagentoProducer(this);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Validate and build here, but never call the store: a store that is down must not stop the route.
        OptionValues.checkRange("pageSize", "magento.page-size", configuration.getPageSize());
        OptionValues.checkRange("scanPageSize", "magento.scan-page-size", configuration.getScanPageSize());
        OptionValues.checkRange("scanBudget", "magento.scan-budget", configuration.getScanBudget());
        Duration read = configuration.getReadTimeout();
        HttpClient http = getComponent().httpClientFor(configuration);
        StoreContext store = store();
        RetryPolicy retry = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
        for (String code : storeCodes()) {
            StoreAddress address = new StoreAddress(configuration.getBaseUrl(), configuration.getRestPath(), code);
            Authenticator authenticator = store.authenticators().forStore(configuration, address, http);
            MagentoClient client = new MagentoClient(address, authenticator,
                    store.gate(maxConcurrency(), configuration.getMaxRequestsPerSecond()),
                    http, read, mapper, retry, getComponent().clientMetrics()).withMaxBodyBytes(configuration.getMaxResponseBytes());
            clients.put(code, client);
            // Without a budget, scans run as before: at foreground speed, through the foreground client.
            scanClients.put(code, scanBudget().paced() ? client.paced(scanBudget()) : client);
        }
    }

    @Override
    protected void doStop() throws Exception {
        clients.values().forEach(MagentoClient::close);
        clients.clear();
        scanClients.clear();
        super.doStop();
    }

    /** The store views this endpoint reads: all configured ones for store-scoped streams, else the first. */
    List<String> storeCodes() {
        List<String> codes = new ArrayList<>();
        String value = configuration.getStoreCodes() == null ? "" : configuration.getStoreCodes();
        for (String c : value.split(",")) {
            if (!c.isBlank() && !codes.contains(c.strip())) {
                codes.add(c.strip());
            }
        }
        if (codes.isEmpty()) {
            codes.add("default");
        }
        return stream().storeScoped() ? codes : List.of(codes.get(0));
    }

    private int maxConcurrency() {
        int n = configuration.getMaxConcurrency();
        OptionValues.checkRange("maxConcurrency", "magento.max-concurrency", n);
        return n;
    }

    Duration pollInterval() {
        return configuration.getPollInterval();
    }

    Duration errorBackoffMax() {
        return configuration.getErrorBackoffMax();
    }

    @Override
    public MagentoComponent getComponent() {
        return (MagentoComponent) super.getComponent();
    }

    /** What this endpoint shares with the other endpoints of its store, opened on first use. */
    StoreContext store() {
        return getComponent().store(configuration.getBaseUrl());
    }

    /** This endpoint's state of one of its store views. */
    StateStore state(String storeCode) {
        return getComponent().stateFor(configuration, stream(), storeCode);
    }

    MagentoClient client(String storeCode) {
        MagentoClient client = clients.get(storeCode);
        if (client == null) {
            throw new IllegalStateException("Endpoint " + getEndpointUri() + " is not started or does not read store view '"
                                            + storeCode + "'");
        }
        return client;
    }

    /** This store view's client for scans: paced by the store's scan budget, behind foreground requests. */
    MagentoClient scanClient(String storeCode) {
        client(storeCode); // the same one-line failure as client() when not started or not one of its store views
        return scanClients.get(storeCode);
    }

    /** The budget this endpoint's scans share with every other scan of the store. */
    ScanBudget scanBudget() {
        return store().scanBudget(configuration.getScanBudget());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    public MagentoStream stream() {
        return MagentoStream.fromUri(stream);
    }

    public String getStream() {
        return stream;
    }

    /**
     * The catalog stream: products, categories, cms-pages, source-items or product-attributes.
     */
    public void setStream(String stream) {
        this.stream = stream;
    }

    public MagentoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MagentoConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
