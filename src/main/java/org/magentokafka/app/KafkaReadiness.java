package org.magentokafka.app;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.magentokafka.kafka.KafkaAccessFailure;
import org.magentokafka.kafka.KafkaClientSettings;

/**
 * Readiness DOWN, with the reason, while the broker refuses the connector (authentication, TLS, ACLs); liveness is
 * not affected: restarting would not fix a credential. While DOWN, the check asks Kafka again (at most every 30 s)
 * so a fixed broker certificate or ACL turns it UP without a restart.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final Duration RECHECK = Duration.ofSeconds(30);

    @Inject
    KafkaAccess access;

    @Inject
    KafkaClientSettings settings;

    @Inject
    ConnectorSettings connector;

    private long lastProbe;

    @Override
    public HealthCheckResponse call() {
        Optional<KafkaAccessFailure> failure = access.current();
        if (failure.isPresent() && recheckDue()) {
            KafkaProbe.Result result = KafkaProbe.probe(settings, connector.topics(), connector.topicPartitions(),
                    connector.topicReplication());
            if (result.ok()) {
                access.succeeded();
            }
            failure = access.current();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka").up();
        failure.ifPresent(f -> response.down().withData("problem", f.message()));
        return response.build();
    }

    private synchronized boolean recheckDue() {
        long now = System.nanoTime();
        if (lastProbe != 0 && now - lastProbe < RECHECK.toNanos()) {
            return false;
        }
        lastProbe = now;
        return true;
    }
}
