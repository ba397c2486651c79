package org.magentokafka.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.auth.SignatureMethod;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.component.Durations;
import org.magentokafka.config.PropertyNames;
import org.magentokafka.component.MagentoStream;
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
 * before anything was started.</li>
 * </ul>
 * The valid names are those of the packaged {@code application.properties}, where every property is documented.
 */
@ApplicationScoped
public class ConfigurationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationGuard.class);

    private static final int MAX_PAGE_SIZE = 300;
    private static final List<String> DURATIONS = List.of("magento.poll-interval", "magento.error-backoff-max",
            "magento.connect-timeout", "magento.read-timeout", "magento.watermark-overlap", "magento.reconcile-interval",
            "magento.metadata-refresh", "magento.retry.base-delay", "magento.retry.max-delay", "magento.health.stale-after",
            "magento.auth.token-lifetime");

    private final AtomicBoolean checked = new AtomicBoolean();

    void beforeCamel(@Observes BeforeConfigure event) {
        check();
    }

    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        check();
    }

    private void check() {
        if (!checked.compareAndSet(false, true)) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Set<String> known = knownNames();
        for (String warning : unknownSettings(known, config.getPropertyNames(), System.getenv().keySet())) {
            LOG.warn(warning);
        }
        List<String> problems = new ArrayList<>(validate(config::getConfigValue));
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
    }

    /** The magento.* names of the packaged, documented application.properties. */
    static Set<String> knownNames() {
        Properties defaults = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? ConfigurationGuard.class.getClassLoader() : loader)
                .getResourceAsStream("application.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            // no packaged defaults: no typo check
        }
        Set<String> known = new TreeSet<>();
        for (String name : defaults.stringPropertyNames()) {
            if (name.startsWith("magento.")) {
                known.add(name);
            }
        }
        return known;
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
        List<String> problems = new ArrayList<>();
        check(problems, "magento.page-size", values, v -> intIn("magento.page-size", v, 1, MAX_PAGE_SIZE));
        check(problems, "magento.max-concurrency", values, v -> intIn("magento.max-concurrency", v, 1, 1_000));
        check(problems, "magento.retry.max-retries", values, v -> intIn("magento.retry.max-retries", v, 0, 1_000));
        check(problems, "magento.health.max-failed-polls", values, v -> intIn("magento.health.max-failed-polls", v, 1, 1_000_000));
        check(problems, "magento.proxy.port", values, v -> intIn("magento.proxy.port", v, 0, 65_535));
        check(problems, "magento.max-requests-per-second", values, v -> {
            try {
                if (Double.parseDouble(v.strip()) < 0) {
                    throw new IllegalArgumentException("magento.max-requests-per-second=" + v + " must not be negative (0 = no limit)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("magento.max-requests-per-second='" + v + "' is not a number");
            }
        });
        for (String name : DURATIONS) {
            check(problems, name, values, v -> Durations.parse(name, v));
        }
        check(problems, "magento.kafka.compression", values, v -> {
            if (!List.of("none", "gzip", "snappy", "lz4", "zstd").contains(v.strip())) {
                throw new IllegalArgumentException("magento.kafka.compression='" + v + "' is not a Kafka compression: use none, gzip, lz4 or zstd");
            }
        });
        check(problems, "magento.kafka.topic.partitions", values, v -> intIn("magento.kafka.topic.partitions", v, 1, 100_000));
        check(problems, "magento.auth.mode", values, AuthMode::parse);
        check(problems, "magento.paging", values, org.magentokafka.paging.Paging::parse);
        check(problems, "magento.auth.signature-method", values, SignatureMethod::parse);
        for (MagentoStream stream : MagentoStream.values()) {
            String prefix = "magento.streams." + stream.uriName() + ".";
            // A value taken over from the global property (${magento.page-size}) was checked there: one line per value.
            checkOwn(problems, prefix + "page-size", values, v -> intIn(prefix + "page-size", v, 1, MAX_PAGE_SIZE));
            checkOwn(problems, prefix + "poll-interval", values, v -> Durations.parse(prefix + "poll-interval", v));
            checkOwn(problems, prefix + "enabled", values, v -> {
                if (!v.strip().equalsIgnoreCase("true") && !v.strip().equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(prefix + "enabled='" + v + "' must be true or false");
                }
            });
        }
        ConfigValue baseUrl = values.get("magento.base-url");
        if (baseUrl != null) {
            String restPath = value(values.get("magento.rest-path"));
            String codes = value(values.get("magento.store-codes"));
            try {
                for (String code : (codes == null || codes.isBlank() ? "default" : codes).split(",")) {
                    if (!code.isBlank()) {
                        new StoreAddress(value(baseUrl), restPath, code.strip());
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(withEnv(e.getMessage(), "magento.base-url"));
            }
        }
        return problems;
    }

    private static String value(ConfigValue v) {
        return v == null ? null : v.getValue();
    }

    private static void check(List<String> problems, String name, Values values, Consumer<String> rule) {
        ConfigValue v = values.get(name);
        if (v == null || v.getValue() == null) {
            return;
        }
        try {
            rule.accept(v.getValue());
        } catch (IllegalArgumentException e) {
            problems.add(withEnv(e.getMessage(), name));
        }
    }

    private static void checkOwn(List<String> problems, String name, Values values, Consumer<String> rule) {
        ConfigValue v = values.get(name);
        if (v != null && v.getRawValue() != null && v.getRawValue().contains("${")) {
            return;
        }
        check(problems, name, values, rule);
    }

    private static String withEnv(String message, String name) {
        return message + " (set by " + name + " or env " + PropertyNames.envName(name) + ")";
    }

    private static void intIn(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + "=" + n + " is out of range: use " + min + " to " + max
                                               + (name.endsWith("page-size") ? " (Magento refuses pages over 300)" : ""));
        }
    }
}
