package org.magentokafka.app;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import org.magentokafka.kafka.KafkaAccessFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the broker accepts the connector (authentication, TLS, ACLs), as every Kafka client of the connector has
 * last seen it. A refusal is logged as ONE ERROR line naming the property to fix, once per kind (SASL, TLS, ACLs)
 * until access is restored; readiness reports it ({@link KafkaReadiness}) while it lasts.
 */
@Singleton
public class KafkaAccess {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccess.class);

    private final Set<KafkaAccessFailure.Kind> reported = EnumSet.noneOf(KafkaAccessFailure.Kind.class);
    private volatile KafkaAccessFailure current;

    public void failed(KafkaAccessFailure failure) {
        synchronized (this) {
            if (current == null || current.kind() != failure.kind()) {
                current = failure;
            }
            if (!reported.add(failure.kind())) {
                return;
            }
        }
        LOG.error("{}", failure.message());
    }

    public void succeeded() {
        synchronized (this) {
            if (current == null) {
                return;
            }
            current = null;
            reported.clear();
        }
        LOG.info("Kafka accepts the connector again");
    }

    public Optional<KafkaAccessFailure> current() {
        return Optional.ofNullable(current);
    }
}
