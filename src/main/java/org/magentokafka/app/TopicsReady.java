package org.magentokafka.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.magentokafka.events.RecordSizeLimit;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.magentokafka.kafka.KafkaAccessFailure;
import org.magentokafka.kafka.KafkaClientSettings;
import org.magentokafka.kafka.KafkaRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the event topics, compacted, before the first record is published (a broker with topic auto-creation
 * would otherwise create them with its defaults, not compacted). Runs on the first page, not at start-up, so a
 * broker that is down never stops the connector from starting; until it succeeds, publishing fails and the
 * poll is retried.
 */
@Singleton
@Named("topicsReady")
public class TopicsReady implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TopicsReady.class);

    @Inject
    KafkaClientSettings settings;

    @Inject
    KafkaAccess access;

    @Inject
    ConnectorSettings connector;

    private volatile boolean ready;

    @Override
    public void process(Exchange exchange) throws Exception {
        if (!ready) {
            ensureTopics();
        }
    }

    /**
     * What a topic the connector creates accepts: at least what the producer may send ({@code kafka.max.request.size}),
     * never below the broker's own default (1 MiB + 12 bytes of batch overhead).
     */
    private String maxMessageBytes() {
        return String.valueOf(Math.max(RecordSizeLimit.of(settings.producer()).maxRequestSize() + 12, RecordSizeLimit.KAFKA_DEFAULT + 12));
    }

    private synchronized void ensureTopics() throws Exception {
        if (ready) {
            return;
        }
        int partitions = connector.topicPartitions();
        short replication = connector.topicReplication();
        List<String> topics = connector.topics();
        Properties props = new Properties();
        props.putAll(settings.admin());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.of(replication))
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes())));
                }
            }
            // The dead-letter topic is a log of problems, not a keyed state: not compacted.
            String deadLetter = connector.deadLetterTopic();
            if (!existing.contains(deadLetter)) {
                missing.add(new NewTopic(deadLetter, Optional.of(1), Optional.of(replication)));
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
                LOG.info("Created compacted topics {}", missing.stream().map(NewTopic::name).toList());
            }
            warnIfNotCompacted(admin, topics, existing);
        } catch (Exception e) {
            Optional<KafkaAccessFailure> refused = KafkaAccessFailure.of(e);
            if (refused.isPresent()) {
                access.failed(refused.get());
                throw new KafkaRefusedException(refused.get().message() + "; retrying at the next poll");
            }
            throw new IllegalStateException("Kafka at kafka.bootstrap.servers is unreachable or refused to create the topics ("
                                            + e.getClass().getSimpleName() + "): check kafka.bootstrap.servers and the broker's ACLs; retrying at the next poll",
                    e);
        }
        access.succeeded();
        ready = true;
    }

    /**
     * A topic just created has no partition leaders for a moment; producing then makes the client retry on stale
     * metadata. Wait until every partition has a leader.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            var descriptions = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS);
            boolean ready = descriptions.values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void warnIfNotCompacted(Admin admin, List<String> topics, Set<String> existing) throws Exception {
        List<ConfigResource> resources = topics.stream().filter(existing::contains)
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        if (resources.isEmpty()) {
            return;
        }
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(15, TimeUnit.SECONDS);
        configs.forEach((r, c) -> {
            var policy = c.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warn("Topic {} exists with cleanup.policy={}, not compact: consumers reading it from the start will see"
                         + " every past event, and deletions (tombstones) never shrink it. Set cleanup.policy=compact on it",
                        r.name(), policy == null ? "?" : policy.value());
            }
        });
    }
}
