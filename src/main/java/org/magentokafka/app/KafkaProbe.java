package org.magentokafka.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.magentokafka.kafka.KafkaAccessFailure;
import org.magentokafka.kafka.KafkaClientSettings;

/**
 * The Kafka part of the connection check: the brokers answer (reachable), accept the connector (authenticated, TLS
 * trusted) and would create the connector's topics (createTopics validate-only: ACLs and limits checked, nothing
 * created).
 */
final class KafkaProbe {

    record Result(boolean ok, String outcome, Optional<KafkaAccessFailure> refusal) {
    }

    private KafkaProbe() {
    }

    static Result probe(KafkaClientSettings settings, List<String> topics, int partitions, short replication) {
        Map<String, Object> props = new HashMap<>(settings.admin());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            int brokers = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).size();
            List<NewTopic> wanted = topics.stream()
                    .map(t -> new NewTopic(t, Optional.of(partitions), Optional.of(replication))).toList();
            int exist = 0;
            for (var f : admin.createTopics(wanted, new CreateTopicsOptions().validateOnly(true)).values().values()) {
                try {
                    f.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    exist++;
                }
            }
            return new Result(true, "OK (" + brokers + " broker" + (brokers == 1 ? "" : "s") + ", authenticated, "
                                    + exist + " of " + topics.size() + " topics exist, the others creatable)", Optional.empty());
        } catch (Exception e) {
            Optional<KafkaAccessFailure> refusal = KafkaAccessFailure.of(e);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String outcome = refusal.map(KafkaAccessFailure::message)
                    .orElse("unreachable or refused (" + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": "
                            + cause.getMessage()) + "): check kafka.bootstrap.servers and kafka.security.protocol");
            return new Result(false, "FAILED: " + outcome, refusal);
        }
    }
}
