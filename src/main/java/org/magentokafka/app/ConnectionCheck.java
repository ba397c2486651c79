package org.magentokafka.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import org.apache.camel.CamelContext;
import org.apache.camel.quarkus.main.events.BeforeStart;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.magentokafka.health.ConnectionProbe;
import org.magentokafka.kafka.KafkaClientSettings;
import org.magentokafka.stream.MagentoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "test connection" merchants know from other tools: each enabled stream's endpoint asked for one item, and
 * Kafka asked whether it accepts the connector and would create its topics ({@link KafkaProbe}).
 * Logged as a table after start (in the background: a store that is down never delays the start), reported per
 * endpoint at {@code /q/health/ready} (cached, so probes do not hammer the store), and as a one-shot mode
 * ({@code --check} or {@code magento.check-only=true}) that prints the table and exits non-zero on a failure.
 * <p>
 * Any store, any grants: the table says the core streams (each enabled stream, and Kafka they all
 * write to) apart from the optional parts of product events (website scoping, displayable, prices, urls, salable:
 * {@code StorefrontProbe}), core first. Only a core line that fails fails the check (exit 1) and the readiness; an
 * optional part that is missing (OPTIONAL, naming the grant or module) or failing (WARN) is shown and exits 0.
 */
@Readiness
@ApplicationScoped
public class ConnectionCheck implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);
    private static final Duration CACHE = Duration.ofSeconds(60);

    @Inject
    CamelContext camel;

    @Inject
    @CommandLineArguments
    String[] args;

    @Inject
    KafkaClientSettings kafkaSettings;

    @Inject
    KafkaAccess kafkaAccess;

    @Inject
    ConnectorSettings connector;

    private volatile List<ConnectionProbe.Result> last;
    private volatile long lastAt;

    /** Check mode: no route starts, so the check's requests (one item per endpoint) are all the store sees. */
    void beforeCamelStarts(@Observes BeforeStart event) {
        if (checkOnly()) {
            event.getCamelContext().setAutoStartup(false);
        }
    }

    private boolean checkOnly() {
        return List.of(args).contains("--check") || connector.checkOnly();
    }

    void onStart(@Observes StartupEvent event) {
        if (checkOnly()) {
            // No polling in this mode: only the check, then exit.
            try {
                camel.getRouteController().stopAllRoutes();
            } catch (Exception e) {
                LOG.debug("stopping routes for --check", e);
            }
            List<ConnectionProbe.Result> results = results(true);
            KafkaProbe.Result kafka = kafka();
            System.out.println(table(results, kafka, true));
            Quarkus.asyncExit(results.stream().noneMatch(ConnectionProbe.Result::fails) && kafka.ok() ? 0 : 1);
            return;
        }
        // Running, the optional parts are left to the streams: each missing one is said once per store view as the
        // products stream meets it (PartAvailability), not here a second time.
        Thread t = new Thread(() -> LOG.info("{}", table(results(true), kafka(), false)), "magento-connection-check");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("magento-store").up();
        for (ConnectionProbe.Result r : results(false)) {
            response.withData(r.stream(), r.outcome());
            if (r.fails()) {
                response.down();
            }
        }
        return response.build();
    }

    private synchronized List<ConnectionProbe.Result> results(boolean fresh) {
        if (fresh || last == null || System.nanoTime() - lastAt > CACHE.toNanos()) {
            last = ConnectionProbe.probe(camel, connector.enabledStreams(), fresh);
            lastAt = System.nanoTime();
        }
        return last;
    }

    /** Kafka reachable, accepting the connector, topics creatable; a refusal also goes to {@link KafkaAccess}. */
    private KafkaProbe.Result kafka() {
        KafkaProbe.Result result = KafkaProbe.probe(kafkaSettings, connector.topics(), connector.topicPartitions(),
                connector.topicReplication());
        result.refusal().ifPresent(kafkaAccess::failed);
        return result;
    }

    private String kafkaLine(KafkaProbe.Result result) {
        return String.format("  %-19s %-45s %s", "kafka", kafkaSettings.get("bootstrap.servers").orElse("?"), result.outcome());
    }

    /** Core lines first (Kafka last of them: every stream writes there), then the optional parts, each under a heading. */
    private String table(List<ConnectionProbe.Result> results, KafkaProbe.Result kafka, boolean withOptional) {
        String store = connector.baseUrl();
        String mode = connector.authMode().name().toLowerCase(Locale.ROOT);
        ScanCycleLine.Scans scans = ScanCycleLine.scans(connector);
        String core = Stream.concat(lines(results, true, scans), Stream.of(kafkaLine(kafka))).collect(Collectors.joining("\n"));
        String optional = withOptional ? lines(results, false, scans).collect(Collectors.joining("\n")) : "";
        return "Connection check of " + store + " (auth " + mode + "):\n"
               + "Core streams (each must work, or the check fails):\n" + core
               + (optional.isEmpty() ? "" : "\nOptional parts of product events (never fail the check):\n" + optional);
    }

    private Stream<String> lines(List<ConnectionProbe.Result> results, boolean core, ScanCycleLine.Scans scans) {
        return results.stream().filter(r -> r.core() == core)
                .map(r -> String.format("  %-19s %-45s %s", r.stream(), "GET " + r.endpoint(), r.outcome() + cycle(r, scans)));
    }

    /** For a scan stream the store answered: the expected scan cycle at the configured budget. */
    private String cycle(ConnectionProbe.Result r, ScanCycleLine.Scans scans) {
        // rows < 0: no size to estimate from (and the storefront look-ups' lines are no streams).
        String line = r.ok() && r.rows() >= 0 ? ScanCycleLine.of(MagentoStream.fromUri(r.stream()), r.rows(), connector.scanBudget(), scans) : null;
        return line == null ? "" : "; " + line;
    }
}
