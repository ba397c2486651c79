package org.magentokafka.component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.ScanBudget;
import org.magentokafka.consumer.OptionalParts;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.PartAvailability;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.health.ProbedStream;
import org.magentokafka.producer.AttributesProducer;
import org.magentokafka.producer.CategoriesProducer;
import org.magentokafka.producer.ItemProducer;
import org.magentokafka.producer.SourceItemsProducer;
import org.magentokafka.producer.StorefrontProducer;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;

/**
 * Reads one catalog stream of one Magento store view (consumer), or looks items up by key (producer).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "magento", title = "Magento", syntax = "magento:stream",
             category = { Category.SAAS }, headersClass = MagentoConstants.class)
public class MagentoEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation, StreamContext, ProbedStream {

    // The consumer's parts, the look-ups and the connection check see this endpoint through narrow views
    // (StreamContext, ProbedStream): what they use of it, never the component's classes.

    @UriPath(enums = "products,categories,cms-pages,source-items,product-attributes")
    @Metadata(required = true)
    private String stream;
    @UriParam
    private MagentoConfiguration configuration;

    private final ObjectMapper mapper = new ObjectMapper();
    private final StoreViewClients clients = new StoreViewClients(this);

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

    /** The producer of this stream's look-up (a stream without one looks items up by key only). */
    @Override
    public Producer createProducer() throws Exception {
        return switch (stream()) {
            case SOURCE_ITEMS -> new SourceItemsProducer(this);
            case PRODUCT_ATTRIBUTES -> new AttributesProducer(this);
            case CATEGORIES -> new CategoriesProducer(this);
            case PRODUCTS -> new StorefrontProducer(this);
            default -> new ItemProducer(this);
        };
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Validate and build here, but never call the store: a store that is down must not stop the route.
        OptionValues.checkRange("pageSize", "magento.page-size", configuration.getPageSize());
        OptionValues.checkRange("scanPageSize", "magento.scan-page-size", configuration.getScanPageSize());
        OptionValues.checkRange("scanBudget", "magento.scan-budget", configuration.getScanBudget());
        clients.open();
    }

    @Override
    protected void doStop() throws Exception {
        clients.close();
        super.doStop();
    }

    /** The store views this endpoint reads: all configured ones for store-scoped streams, else the first. */
    @Override
    public List<String> storeCodes() {
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
    @Override
    public StoreContext store() {
        return getComponent().store(configuration.getBaseUrl());
    }

    /** This endpoint's state of one of its store views. */
    @Override
    public StateStore state(String storeCode) {
        return getComponent().stateFor(configuration, stream(), storeCode);
    }

    @Override
    public StateStore stateOf(String name, String scope) {
        return getComponent().stateFor(configuration, name, scope);
    }

    @Override
    public MagentoClient client(String storeCode) {
        return clients.client(storeCode);
    }

    /** This store view's client for scans: paced by the store's scan budget, behind foreground requests. */
    @Override
    public MagentoClient scanClient(String storeCode) {
        return clients.scanClient(storeCode);
    }

    /** The budget this endpoint's scans share with every other scan of the store. */
    @Override
    public boolean stockIndex() {
        return getConfiguration().isStockIndex();
    }

    @Override
    public boolean orderSignals() {
        return getConfiguration().isOrderSignals();
    }

    @Override
    public PollStatus signalStatus(String name) {
        return getComponent().pollStatus(name, false);
    }

    @Override
    public ScanBudget scanBudget() {
        return store().scanBudget(configuration.getScanBudget());
    }

    @Override
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public boolean guest() {
        return configuration.getAuthMode() == AuthMode.NONE;
    }

    @Override
    public void observed(String storeCode, Set<EventPart> parts, UnknownParts unknown) {
        OptionalParts.observe(this, storeCode, parts, unknown);
    }

    @Override
    public PartAvailability enrichment() {
        return getComponent().enrichment();
    }

    @Override
    public Clock clock() {
        return getComponent().clock();
    }

    @Override
    public ExecutorServiceManager executors() {
        return getCamelContext().getExecutorServiceManager();
    }

    @Override
    public MagentoStream stream() {
        return MagentoStream.fromUri(stream);
    }

    @Override
    public String getStream() {
        return stream;
    }

    /**
     * The catalog stream: products, categories, cms-pages, source-items or product-attributes.
     */
    public void setStream(String stream) {
        this.stream = stream;
    }

    @Override
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
