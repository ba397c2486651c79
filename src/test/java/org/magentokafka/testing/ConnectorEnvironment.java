package org.magentokafka.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;

/**
 * A simulated store, a broker and the environment the packaged connector is started with, shared by every
 * integration test that needs the three: the store's address and token, the poll interval, a unique topic per
 * stream asked for, the broker and the test's own entries. Closing it stops every connector it started, then the
 * store, so a test has one {@code @AutoClose} field instead of its own {@code @AfterAll}.
 */
public final class ConnectorEnvironment implements AutoCloseable {

    /** The five streams of the connector, as they are named in {@code MAGENTO_STREAMS_<STREAM>_*}. */
    public static final List<String> STREAMS = List.of("products", "categories", "cms-pages", "source-items", "product-attributes");

    private final SandboxStore store;
    private final Map<String, String> topics;
    private final Map<String, String> env;
    private final List<ConnectorProcess> connectors = Collections.synchronizedList(new ArrayList<>());

    private ConnectorEnvironment(SandboxStore store, Map<String, String> topics, Map<String, String> env) {
        this.store = store;
        this.topics = topics;
        this.env = env;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SandboxStore store() {
        return store;
    }

    /** The unique topic the environment gave {@code stream}. */
    public String topic(String stream) {
        String topic = topics.get(stream);
        if (topic == null) {
            throw new IllegalArgumentException("no topic was asked for stream '" + stream + "'; asked for: " + topics.keySet());
        }
        return topic;
    }

    /** The environment every connector of this fixture starts with (a copy: change it, then start it yourself). */
    public Map<String, String> env() {
        return new HashMap<>(env);
    }

    /** Every connector this environment started so far, in start order (e.g. to check what they all printed). */
    public List<ConnectorProcess> started() {
        synchronized (connectors) {
            return List.copyOf(connectors);
        }
    }

    public ConnectorProcess start(String name, String... args) {
        return start(name, Map.of(), args);
    }

    /** Starts a connector with {@code extraEnv} on top of the shared environment (e.g. one instance's own state). */
    public ConnectorProcess start(String name, Map<String, String> extraEnv, String... args) {
        return track(ConnectorProcess.start(name, with(extraEnv), line -> {
        }, args));
    }

    /** Starts a connector that also hands every line it prints to {@code echo}. */
    public ConnectorProcess start(String name, Consumer<String> echo, String... args) {
        return track(ConnectorProcess.start(name, env, echo, args));
    }

    /** Starts a connector with JVM options before {@code -jar} (e.g. {@code -Dfile.encoding=US-ASCII}). */
    public ConnectorProcess startWithJvmOptions(String name, List<String> jvmOptions) {
        return track(ConnectorProcess.startWithJvmOptions(name, env, jvmOptions));
    }

    /** Starts a connector from another working directory, as an operator runs the jar from their own directory. */
    public ConnectorProcess startIn(Path workingDirectory, String name, String... args) {
        return startIn(workingDirectory, name, Map.of(), args);
    }

    /** Starts a connector from another working directory with {@code extraEnv} on top of the shared environment. */
    public ConnectorProcess startIn(Path workingDirectory, String name, Map<String, String> extraEnv, String... args) {
        return track(ConnectorProcess.startIn(workingDirectory, name, with(extraEnv), line -> {
        }, args));
    }

    private Map<String, String> with(Map<String, String> extraEnv) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        return all;
    }

    private ConnectorProcess track(ConnectorProcess connector) {
        connectors.add(connector);
        return connector;
    }

    /** Every connector it started, the last one first, then the store: the connectors never see the store vanish. */
    @Override
    public void close() {
        List<ConnectorProcess> started;
        synchronized (connectors) {
            started = new ArrayList<>(connectors);
        }
        Collections.reverse(started);
        started.forEach(ConnectorProcess::close);
        if (store != null) {
            store.close();
        }
    }

    public static final class Builder {

        private SandboxOptions options;
        private SandboxStore store;
        private final Map<String, String> topicPrefixes = new LinkedHashMap<>();
        private final Map<String, String> topicNames = new LinkedHashMap<>();
        private RemainingStreams remaining = RemainingStreams.DEFAULT_TOPICS;
        private String pollInterval = "1h";
        private Map<String, String> broker;
        private boolean storeToken = true;
        private final Map<String, String> extra = new HashMap<>();

        private Builder() {
        }

        /** A new store with these options, started by {@link #start()} and closed with the environment. */
        public Builder store(SandboxOptions storeOptions) {
            this.options = storeOptions;
            this.store = null;
            return this;
        }

        /**
         * Issue 14's two-website storefront catalog ({@link StorefrontOptions#full()}: website {@code base}, USD,
         * store view {@code default}; website {@code europe}, EUR, store view {@code eu}; configurables with
         * children) of {@code productCount} generated products, read in both store views.
         */
        public Builder storefrontCatalog(int productCount) {
            store(SandboxOptions.builder().productCount(productCount).storeCodes(List.of("default"))
                    .storefront(StorefrontOptions.full()).build());
            return env("MAGENTO_STORE_CODES", "default,eu");
        }

        /** A store the test already started; the environment closes it too. */
        public Builder store(SandboxStore existing) {
            this.store = existing;
            this.options = null;
            return this;
        }

        /** {@code stream} publishes to a unique topic named after {@code prefix}. */
        public Builder topic(String stream, String prefix) {
            if (!STREAMS.contains(stream)) {
                throw new IllegalArgumentException("unknown stream '" + stream + "', one of " + STREAMS);
            }
            topicPrefixes.put(stream, prefix);
            return this;
        }

        /** {@code stream} publishes to exactly {@code name} (a broker the test restarts keeps no unique names). */
        public Builder topicNamed(String stream, String name) {
            topic(stream, name);
            topicNames.put(stream, name);
            return this;
        }

        /** Every stream not given a topic gets a unique topic named after itself. */
        public Builder otherStreamsOnTheirOwnTopics() {
            remaining = RemainingStreams.OWN_TOPICS;
            return this;
        }

        /** Every stream not given a topic is switched off. */
        public Builder otherStreamsDisabled() {
            remaining = RemainingStreams.DISABLED;
            return this;
        }

        public Builder pollInterval(String interval) {
            this.pollInterval = interval;
            return this;
        }

        /** Another broker than {@link TestKafka}: its bootstrap servers. */
        public Builder bootstrapServers(String bootstrapServers) {
            return broker(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers));
        }

        /**
         * Another broker than {@link TestKafka}: the whole client environment (e.g. a secured listener's); an empty
         * map when each connector brings its own, as a test of several listeners does.
         */
        public Builder broker(Map<String, String> brokerEnv) {
            this.broker = Map.copyOf(brokerEnv);
            return this;
        }

        /** No store access token in the environment: each connector is started with credentials of its own. */
        public Builder withoutStoreToken() {
            this.storeToken = false;
            return this;
        }

        /** An entry of the test's own; it wins over the fixture's defaults. */
        public Builder env(String key, String value) {
            extra.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> entries) {
            extra.putAll(entries);
            return this;
        }

        /** Starts the store (unless one was given) and wires the environment; no connector runs yet. */
        public ConnectorEnvironment start() {
            SandboxStore theStore = store != null ? store : SandboxStore.start(options != null ? options : SandboxOptions.defaults());
            Map<String, String> env = new HashMap<>();
            env.put("MAGENTO_BASE_URL", theStore.baseUrl());
            if (storeToken) {
                env.put("MAGENTO_AUTH_ACCESS_TOKEN", theStore.options().accessToken());
            }
            env.put("MAGENTO_POLL_INTERVAL", pollInterval);
            // Scans at full speed unless a test sets a budget: tests of what a scan finds need not wait for its pace.
            env.put("MAGENTO_SCAN_BUDGET", "0");
            env.putAll(broker != null ? broker : Map.of("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
            Map<String, String> topics = new LinkedHashMap<>();
            for (String stream : STREAMS) {
                String variable = "MAGENTO_STREAMS_" + stream.toUpperCase().replace('-', '_');
                if (topicPrefixes.containsKey(stream) || remaining == RemainingStreams.OWN_TOPICS) {
                    String topic = topicNames.containsKey(stream) ? topicNames.get(stream)
                            : TestKafka.uniqueTopic(topicPrefixes.getOrDefault(stream, stream));
                    topics.put(stream, topic);
                    env.put(variable + "_TOPIC", topic);
                } else if (remaining == RemainingStreams.DISABLED) {
                    env.put(variable + "_ENABLED", "false");
                }
            }
            env.putAll(extra);
            return new ConnectorEnvironment(theStore, Map.copyOf(topics), Map.copyOf(env));
        }
    }

    private enum RemainingStreams {
        /** Left to the connector's defaults. */
        DEFAULT_TOPICS,
        OWN_TOPICS,
        DISABLED
    }
}
