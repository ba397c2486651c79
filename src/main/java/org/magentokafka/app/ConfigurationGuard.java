package org.magentokafka.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.component.MagentoComponentConfigurer;
import org.magentokafka.config.PropertyNames;
import org.magentokafka.kafka.KafkaClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the operator's configuration before Camel loads and starts the routes (Camel Quarkus fires
 * {@link BeforeConfigure} before the routes are loaded; Quarkus' {@link StartupEvent} only comes after Camel started,
 * so it is a fallback here):
 * <ul>
 * <li>an unknown {@code magento.*} property or {@code MAGENTO_*} environment variable (a typo) is reported as one
 * WARN line naming the closest valid name;</li>
 * <li>a Kafka client setting the connector fixes ({@code kafka.acks}, ...) is refused like an invalid value, and an
 * unknown {@code kafka.*} name is reported as a WARN line ({@link KafkaClientSettings});</li>
 * <li>an invalid value (page size out of 1..300, malformed store URL, unknown auth mode, a duration that is not
 * one...) is reported as one ERROR line per value, without a stack trace, and the process exits with status 1
 * before anything was started. The rules are the component's ({@code OptionValues}): the application's settings
 * are read into {@link ConnectorSettings}, and every property aliased to a component option is read with that
 * option's type and range.</li>
 * </ul>
 * The valid names are those of the packaged {@code application.properties}, where every property is documented.
 */
@ApplicationScoped
public class ConfigurationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationGuard.class);

    private final AtomicBoolean checked = new AtomicBoolean();
    private volatile ConnectorSettings settings;
    private volatile KafkaClientSettings kafkaSettings;

    void beforeCamel(@Observes BeforeConfigure event) {
        check();
    }

    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        check();
    }

    private synchronized void check() {
        if (!checked.compareAndSet(false, true)) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Set<String> known = knownNames();
        for (String warning : unknownSettings(known, config.getPropertyNames(), System.getenv().keySet())) {
            LOG.warn(warning);
        }
        SettingsReader reader = new SettingsReader(config::getConfigValue);
        ConnectorSettings read = read(reader);
        List<String> problems = new ArrayList<>(reader.problems());
        // kafka.* / KAFKA_*: a setting the connector fixes is refused, a name no Kafka client knows is a typo.
        KafkaClientSettings kafka = KafkaClientSettings.read(config.getPropertyNames(), n -> config.getOptionalValue(n, String.class));
        kafka.warnings().forEach(LOG::warn);
        problems.addAll(kafka.problems());
        if (!problems.isEmpty()) {
            for (String problem : problems) {
                LOG.error("Invalid configuration, not starting: {}", problem);
            }
            System.out.flush();
            System.err.flush();
            // Nothing was started yet; a normal exit from inside Quarkus' start-up would only add stack traces.
            Runtime.getRuntime().halt(1);
        }
        settings = read;
        kafkaSettings = kafka;
    }

    /** The application's settings, checked: built once, before Camel starts. */
    @Produces
    @Singleton
    ConnectorSettings connectorSettings() {
        check();
        return settings;
    }

    /**
     * The Kafka client settings of the whole connector, read and checked once with the rest: handed to the Camel
     * kafka component's client factory, the topic admin, the state store and the lease ({@link KafkaClientBeans}).
     */
    @Produces
    @Singleton
    @Unremovable
    KafkaClientSettings kafkaClientSettings() {
        check();
        return kafkaSettings;
    }

    /** The magento.* names of the packaged, documented application.properties. */
    static Set<String> knownNames() {
        return PackagedProperties.load().magentoNames();
    }

    /** One line per unknown magento.* property or MAGENTO_* environment variable, with the closest valid name. */
    static List<String> unknownSettings(Set<String> known, Iterable<String> propertyNames, Collection<String> envNames) {
        List<String> lines = new ArrayList<>();
        if (known.isEmpty()) {
            return lines;
        }
        Map<String, String> byEnv = new LinkedHashMap<>();
        known.forEach(k -> byEnv.put(PropertyNames.envName(k), k));
        Set<String> reported = new TreeSet<>();
        for (String name : propertyNames) {
            // SmallRye also lists an unknown MAGENTO_X_Y variable as magento.x.y: reported below as the variable.
            if (name.startsWith("magento.") && !known.contains(name) && !envNames.contains(PropertyNames.envName(name))
                && reported.add(name)) {
                lines.add("Unknown setting " + name + " is ignored: did you mean " + closest(name, known) + "?");
            }
        }
        for (String env : new TreeSet<>(envNames)) {
            if (env.startsWith("MAGENTO_") && !byEnv.containsKey(env) && reported.add(env)) {
                String nearest = closest(env, byEnv.keySet());
                lines.add("Unknown setting " + env + " (environment variable) is ignored: did you mean " + nearest
                          + " (" + byEnv.get(nearest) + ")?");
            }
        }
        return lines;
    }

    /** The nearest valid name, however far: an unknown magento.* name is always a typo of one of ours. */
    static String closest(String name, Collection<String> candidates) {
        return PropertyNames.nearest(name, candidates, Integer.MAX_VALUE);
    }

    /** Values by name (expanded value and raw value) for {@link #validate}. */
    interface Values {
        ConfigValue get(String name);
    }

    /** One message per invalid value; empty when the configuration can start. */
    static List<String> validate(Values values) {
        SettingsReader reader = new SettingsReader(values);
        read(reader);
        return reader.problems();
    }

    /**
     * The application's settings, then every property aliased to a component option, read with that option's type
     * and range (so a new component option is checked without a line here), then the store URL.
     */
    private static ConnectorSettings read(SettingsReader reader) {
        ConnectorSettings settings = ConnectorSettings.read(reader);
        MagentoComponentConfigurer options = new MagentoComponentConfigurer();
        PackagedProperties.load().componentAliases().forEach((property, option) -> {
            Class<?> type = options.getOptionType(option, false);
            if (type != null) {
                reader.option(property, option, type, null);
            }
        });
        // Replicas that each keep their own file cannot hand the state over: a failover would publish everything as
        // created again and could never publish the deletes made in between.
        String stateStore = reader.text("magento.state.store");
        if (settings.haEnabled() && (stateStore == null || "file".equalsIgnoreCase(stateStore.strip()))) {
            reader.report("magento.ha.enabled", "high availability needs the shared state: with magento.state.store=file each"
                                                + " replica keeps its own, so a failover re-publishes every item as created and never publishes the"
                                                + " deletes made meanwhile. Fix: set magento.state.store=kafka (MAGENTO_STATE_STORE=kafka)");
        }
        // A page's events and its state are written in one Kafka transaction, which cannot span two clusters.
        String stateBrokers = reader.text("camel.component.magento.state-kafka-bootstrap-servers");
        String brokers = reader.text("kafka.bootstrap.servers");
        if (settings.haEnabled() && stateBrokers != null && !stateBrokers.isBlank() && brokers != null
            && !stateBrokers.strip().equals(brokers.strip())) {
            reader.report("camel.component.magento.state-kafka-bootstrap-servers", "with high availability the state"
                          + " topic must live on the events' cluster (a page's events and state are one Kafka transaction)."
                          + " Fix: remove the setting, or set it to kafka.bootstrap.servers");
        }
        // Defined but empty (the packaged default) is refused too: the store URL is required.
        if (reader.defined("magento.base-url")) {
            String baseUrl = reader.text("magento.base-url");
            String restPath = reader.text("magento.rest-path");
            String codes = reader.text("magento.store-codes");
            try {
                for (String code : (codes == null || codes.isBlank() ? "default" : codes).split(",")) {
                    if (!code.isBlank()) {
                        new StoreAddress(baseUrl, restPath, code.strip());
                    }
                }
            } catch (IllegalArgumentException e) {
                reader.report("magento.base-url", e.getMessage());
            }
        }
        return settings;
    }
}
