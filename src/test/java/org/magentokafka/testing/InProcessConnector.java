package org.magentokafka.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.magentokafka.app.ApplicationRouteBeans;
import org.magentokafka.component.MagentoComponent;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.apache.camel.Processor;

/**
 * The connector's pipeline in this JVM, in seconds: a plain Camel context (no Quarkus) running the application's
 * own YAML routes ({@code routes/*.yaml}: the {@code magento:} consumers, enrichment, change detection,
 * CloudEvents, dead letters, publishing to Kafka) with the application's route beans, against a simulated store
 * and the shared in-JVM broker {@link TestKafka}. Each stream asked for publishes to a unique topic; the others are
 * off. What the packaged application adds around the routes (configuration guard, leader election, health) is
 * left to the process-level ITs.
 * <p>
 * {@link #restart()} stops the context and starts a new one on the same state directory and topics, as a restart
 * of the process would; {@link #close()} stops the context, then the store.
 */
public final class InProcessConnector implements AutoCloseable {

    private static final List<String> ROUTE_FILES = List.of("products", "categories", "cms-pages", "source-items",
            "product-attributes", "publish");

    private final Builder settings;
    private final SandboxStore store;
    private final LogLines log = LogLines.attach();
    private CamelContext context;

    private InProcessConnector(Builder settings, SandboxStore store) {
        this.settings = settings;
        this.store = store;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SandboxStore store() {
        return store;
    }

    /** The unique topic of {@code stream} (store views other than 'default' publish to {@code <topic>.<code>}). */
    public String topic(String stream) {
        String topic = settings.topics.get(stream);
        if (topic == null) {
            throw new IllegalArgumentException("stream '" + stream + "' was not asked for; asked for: " + settings.topics.keySet());
        }
        return topic;
    }

    public String deadLetterTopic() {
        return settings.deadLetterTopic;
    }

    /** Where the file state store keeps this connector's state (kept across {@link #restart()}). */
    public Path stateDirectory() {
        return settings.stateDirectory;
    }

    /** What the connector's classes logged since this connector was built. */
    public LogLines log() {
        return log;
    }

    /** Stops the Camel context (consumers finish their page), as SIGTERM does to the application. */
    public void stop() {
        if (context != null) {
            try {
                context.close();
            } catch (Exception e) {
                throw new IllegalStateException("the Camel context did not stop", e);
            } finally {
                context = null;
            }
        }
    }

    /**
     * A new context on the same store and topics with an empty state directory, as a new pod without a volume
     * (what it knows comes from the Kafka state store, if it uses one).
     */
    public void restartAsANewPod() {
        stop();
        settings.stateDirectory = Builder.freshStateDirectory();
        context = startContext();
    }

    /** A new context on the same store, state and topics, as a restarted process. */
    public void restart() {
        stop();
        context = startContext();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            log.close();
            store.close();
        }
    }

    private CamelContext startContext() {
        DefaultCamelContext camel = new DefaultCamelContext();
        // Over any other source: MicroProfile Config (Camel Quarkus on the classpath) would read application.properties.
        camel.getPropertiesComponent().setOverrideProperties(properties());
        // A page in flight at stop is re-read at the next start; a test need not wait for it.
        camel.getShutdownStrategy().setTimeout(5);
        ApplicationRouteBeans.byName().forEach(camel.getRegistry()::bind);
        // The application's topicsReady creates the topics on the first page; here the fixture created them.
        camel.getRegistry().bind("topicsReady", (Processor) exchange -> {
        });
        camel.getComponent("kafka", KafkaComponent.class).setKafkaClientFactory(settings.kafka);
        var magento = camel.getComponent("magento");
        PropertyBindingSupport.build().withCamelContext(camel).withTarget(magento)
                .withConfigurer(magento.getComponentPropertyConfigurer()).withProperties(componentOptions())
                .withIgnoreCase(true).withMandatory(true).bind();
        if (settings.clock != null) {
            ((MagentoComponent) magento).useClock(settings.clock);
        }
        try {
            var loader = PluginHelper.getRoutesLoader(camel);
            for (String file : ROUTE_FILES) {
                loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/" + file + ".yaml"));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the routes in routes/*.yaml did not load", e);
        }
        camel.start();
        return camel;
    }

    private Map<String, Object> componentOptions() {
        Map<String, Object> options = new HashMap<>();
        options.put("baseUrl", store.baseUrl());
        options.put("accessToken", store.options().accessToken());
        options.put("storeCodes", settings.storeCodes);
        options.put("stateDirectory", settings.stateDirectory.toString());
        options.put("stateKafkaBootstrapServers", TestKafka.bootstrapServers());
        options.put("pollInterval", settings.pollInterval);
        // Scans at full speed unless a test sets a budget: tests of what a scan finds need not wait for its pace.
        options.put("scanBudget", "0");
        // The background salable-quantity scan adds requests and a scan to the budget: on where a test asks for it.
        options.put("salableScan", "false");
        // So does the stock index pass (a request a cycle): on where a test asks for it.
        options.put("stockIndex", "false");
        options.putAll(settings.options);
        return options;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        p.put("magento.kafka.compression", "lz4");
        p.put("magento.ha.enabled", "false");
        p.put("magento.topic.dead-letter", settings.deadLetterTopic);
        for (String stream : ConnectorEnvironment.STREAMS) {
            String prefix = "magento.streams." + stream + ".";
            boolean on = settings.topics.containsKey(stream);
            p.put(prefix + "enabled", String.valueOf(on));
            p.put(prefix + "topic", on ? settings.topics.get(stream) : "magento." + stream + ".unused");
            p.put(prefix + "poll-interval", settings.pollInterval);
            p.put(prefix + "page-size", String.valueOf(settings.pageSize));
        }
        return p;
    }

    /** Compacted, as the application's topicsReady creates them; the dead-letter topic is a plain log. */
    private static void createTopics(List<String> compacted, int partitions, String deadLetter) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            compacted.forEach(t -> topics.add(new NewTopic(t, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
            topics.add(new NewTopic(deadLetter, Optional.of(1), Optional.empty()));
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the test topics " + compacted, e);
        }
    }

    public static final class Builder {

        private SandboxOptions storeOptions = SandboxOptions.defaults();
        private final Map<String, String> topics = new LinkedHashMap<>();
        private final Map<String, Object> options = new HashMap<>();
        private String storeCodes = "default";
        private String pollInterval = "1h";
        private int pageSize = 100;
        private int partitions = 3;
        private String deadLetterTopic;
        private Path stateDirectory;
        private KafkaAvailability kafka = new KafkaAvailability();
        private Consumer<SandboxStore> beforeStart = store -> {
        };
        private Clock clock;

        private Builder() {
        }

        public Builder store(SandboxOptions options) {
            this.storeOptions = options;
            return this;
        }

        /** Runs {@code stream} (one of {@link ConnectorEnvironment#STREAMS}) on a unique topic named after it. */
        public Builder stream(String stream) {
            if (!ConnectorEnvironment.STREAMS.contains(stream)) {
                throw new IllegalArgumentException("unknown stream '" + stream + "', one of " + ConnectorEnvironment.STREAMS);
            }
            topics.put(stream, TestKafka.uniqueTopic("inprocess-" + stream));
            return this;
        }

        /** The store views read (magento.store-codes), comma-separated. */
        public Builder storeCodes(String codes) {
            this.storeCodes = codes;
            return this;
        }

        public Builder pollInterval(String interval) {
            this.pollInterval = interval;
            return this;
        }

        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /**
         * Partitions of the event topics (3, as the application's default): 1 gives a test one total order to read
         * "the records after those seen so far" by.
         */
        public Builder partitions(int count) {
            this.partitions = count;
            return this;
        }

        /** A {@code magento:} component option by its URI name (e.g. {@code paging}, {@code maxConcurrency}). */
        public Builder option(String name, Object value) {
            options.put(name, value);
            return this;
        }

        /** Changes the store once it runs, before the routes start (e.g. deletes products before the first sync). */
        public Builder beforeStart(Consumer<SandboxStore> change) {
            this.beforeStart = change;
            return this;
        }

        /**
         * The connector's clock (the price pass's store-view dates); give the store the same one
         * ({@code SandboxOptions.builder().clock(...)}) to move both past a midnight.
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The switch the test turns to make Kafka stop acknowledging. */
        public Builder kafka(KafkaAvailability availability) {
            this.kafka = availability;
            return this;
        }

        private static Path freshStateDirectory() {
            return Path.of("target/inprocess-state", TestKafka.uniqueTopic("state")).toAbsolutePath();
        }

        /** Starts the store, creates the topics and starts the routes. */
        public InProcessConnector start() {
            deadLetterTopic = TestKafka.uniqueTopic("inprocess-dead-letter");
            stateDirectory = freshStateDirectory();
            List<String> compacted = new ArrayList<>();
            for (String topic : topics.values()) {
                for (String code : Set.copyOf(List.of(storeCodes.split(",")))) {
                    compacted.add(code.strip().equals("default") ? topic : topic + "." + code.strip());
                }
            }
            createTopics(compacted, partitions, deadLetterTopic);
            InProcessConnector connector = new InProcessConnector(this, SandboxStore.start(storeOptions));
            try {
                beforeStart.accept(connector.store);
                connector.context = connector.startContext();
            } catch (RuntimeException e) {
                connector.close();
                throw e;
            }
            return connector;
        }
    }
}
