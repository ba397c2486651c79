package org.magentokafka.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.magentokafka.config.PropertyNames;

/**
 * The one Kafka client configuration of the connector: every {@code kafka.<client property>} (Quarkus' convention,
 * also as a {@code KAFKA_*} environment variable, e.g. {@code KAFKA_SASL_JAAS_CONFIG}) handed to every Kafka client
 * the connector creates (the Camel producer, the admin clients, the state store's producer and consumer, the lease
 * consumer), each client getting only the properties it knows (no "supplied but not used" noise).
 * <p>
 * Environment variables are collected by name here because MicroProfile Config lists them under their own names
 * only ({@code KAFKA_SSL_TRUSTSTORE_LOCATION}, not {@code kafka.ssl.truststore.location}). Those Kubernetes injects
 * for a Service named {@code kafka} ({@code KAFKA_PORT}, {@code KAFKA_SERVICE_HOST}, ...) are ignored silently;
 * properties the connector fixes for its guarantees are refused with the connector property to use instead.
 */
public final class KafkaClientSettings {

    /** The connector's own settings under the client prefix: earlier names of magento.kafka.* (aliases). */
    private static final Set<String> CONNECTOR_ALIASES = Set.of("kafka.compression", "kafka.topic.partitions",
            "kafka.topic.replication-factor");

    /** Environment variables Kubernetes sets for a Service named "kafka" (docker links style). */
    private static final Pattern KUBERNETES_SERVICE = Pattern.compile(
            "KAFKA_(PORT(_\\d+_(TCP|UDP|SCTP)(_(PORT|PROTO|ADDR))?)?|SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?)");

    /** Client properties the connector sets itself, and why / what to set instead. */
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "the connector always publishes idempotently (a retry never duplicates a record)"),
            Map.entry(ProducerConfig.ACKS_CONFIG, "the connector always waits for every in-sync replica (acks=all) before it records a change as done"),
            Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "one produce request in flight keeps the pages in order (KAFKA-15591)"),
            Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "use magento.kafka.compression (env MAGENTO_KAFKA_COMPRESSION) instead"),
            Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "use magento.ha.lease-time (env MAGENTO_HA_LEASE_TIME) instead"),
            Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "it follows magento.ha.lease-time (env MAGENTO_HA_LEASE_TIME)"),
            Map.entry(ConsumerConfig.GROUP_ID_CONFIG, "use magento.ha.group (env MAGENTO_HA_GROUP) instead"),
            Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "the connector commits nothing: its state is its own"),
            Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "records are CloudEvents with string keys"),
            Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "records are CloudEvents with JSON values"),
            Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "the connector reads its own string records"),
            Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "the connector reads its own string records"));

    private static final Set<String> PRODUCER = ProducerConfig.configNames();
    private static final Set<String> CONSUMER = ConsumerConfig.configNames();
    private static final Set<String> ADMIN = AdminClientConfig.configNames();

    private final Map<String, String> properties;
    private final List<String> problems;
    private final List<String> warnings;

    private KafkaClientSettings(Map<String, String> properties, List<String> problems, List<String> warnings) {
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** Settings given directly (tests, embedding, component options): client property name -> value. */
    public static KafkaClientSettings of(Map<String, ?> properties) {
        Map<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return new KafkaClientSettings(values, List.of(), List.of());
    }

    /** Every setting, client property name -> value (for a client configured by properties, e.g. a component's). */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * Reads the settings from the configuration: {@code propertyNames} as MicroProfile Config lists them (dotted
     * names from files and system properties, environment variables under their own names), {@code value} resolving
     * a dotted name (an environment variable overrides the file as usual).
     */
    public static KafkaClientSettings read(Iterable<String> propertyNames, Function<String, Optional<String>> value) {
        Map<String, String> byEnv = new TreeMap<>();
        for (String key : allClientProperties()) {
            byEnv.put(PropertyNames.envName("kafka." + key), key);
        }
        Set<String> aliases = CONNECTOR_ALIASES.stream().map(PropertyNames::envName).collect(Collectors.toSet());
        Map<String, String> properties = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String name : propertyNames) {
            boolean env = name.startsWith("KAFKA_");
            if (!env && !name.toLowerCase(Locale.ROOT).startsWith("kafka.")) {
                continue;
            }
            String envForm = PropertyNames.envName(name);
            if (aliases.contains(envForm) || KUBERNETES_SERVICE.matcher(envForm).matches() || !seen.add(envForm)) {
                continue;
            }
            String key = byEnv.get(envForm);
            String shown = env ? name + " (environment variable)" : name;
            if (key == null) {
                String nearest = closest(envForm, byEnv.keySet());
                warnings.add("Unknown Kafka setting " + shown + " is ignored: it is no property of Kafka's producer, consumer or"
                             + " admin client" + (nearest == null ? "" : "; did you mean kafka." + byEnv.get(nearest)
                                                                         + " (env " + nearest + ")?"));
                continue;
            }
            Optional<String> v = value.apply("kafka." + key);
            if (v.isEmpty() || v.get().isBlank()) {
                continue;
            }
            if (FIXED.containsKey(key)) {
                problems.add("kafka." + key + " (env " + envForm + ") is fixed by the connector: " + FIXED.get(key)
                             + "; remove it");
                continue;
            }
            properties.put(key, v.get().strip());
        }
        problems.addAll(KafkaStoreFiles.problems(properties));
        return new KafkaClientSettings(properties, problems, warnings);
    }

    /**
     * ERROR lines: a setting the connector must fix was given, or a truststore / keystore cannot be opened (the
     * connector does not start).
     */
    public List<String> problems() {
        return problems;
    }

    /** WARN lines: a kafka.* name no Kafka client knows (ignored). */
    public List<String> warnings() {
        return warnings;
    }

    /** Same settings with {@code bootstrap.servers} replaced (the state store can have its own brokers). */
    public KafkaClientSettings withBootstrapServers(String servers) {
        if (servers == null || servers.isBlank()) {
            return this;
        }
        Map<String, String> p = new TreeMap<>(properties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.strip());
        return new KafkaClientSettings(p, problems, warnings);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** What a producer gets: the settings its configuration knows. */
    public Map<String, Object> producer() {
        return only(PRODUCER);
    }

    public Map<String, Object> consumer() {
        return only(CONSUMER);
    }

    public Map<String, Object> admin() {
        return only(ADMIN);
    }

    private Map<String, Object> only(Set<String> known) {
        Map<String, Object> p = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (known.contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    /** One line for the log: every setting, secrets masked. */
    public String summary() {
        return properties.entrySet().stream().map(e -> "kafka." + e.getKey() + "=" + (isSecret(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Values never shown: JAAS lines (they carry the password), passwords, keys and secrets. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.equals("ssl.keystore.key")
               || k.contains("credentials");
    }

    /** Every property some Kafka client the connector creates knows. */
    static Set<String> allClientProperties() {
        Set<String> all = new TreeSet<>(PRODUCER);
        all.addAll(CONSUMER);
        all.addAll(ADMIN);
        return all;
    }

    private static String closest(String name, Collection<String> candidates) {
        // A name far from every client property is not a typo of one.
        return PropertyNames.nearest(name, candidates, Math.max(2, name.length() / 4));
    }
}
