package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.ExternalKafka;
import java.util.ArrayList;

/**
 * Kafka going away for a while (a real broker, stopped and started again) loses nothing: the changes made meanwhile
 * flow once it is back. (The Kafka-backed state store's restarts are in-process: KafkaStateStoreTest.)
 */
class StateAndOutageIT {

    @Test
    void changesMadeWhileKafkaIsDownArePublishedWhenItIsBack() throws Exception {
        try (ExternalKafka kafka = ExternalKafka.start(Path.of("target/it-kafka/outage-" + System.nanoTime()).toAbsolutePath());
             ConnectorEnvironment environment = productsOnly(SandboxOptions.builder().productCount(100).storeCodes(List.of("default")).build())
                     .bootstrapServers(kafka.bootstrapServers())
                     .topicNamed("products", "outage-products")
                     .env("MAGENTO_ERROR_BACKOFF_MAX", "2s")
                     .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            try (ConnectorProcess connector = environment.start("kafka-outage")) {
                connector.awaitLine(Pattern.compile("magento:products synced 100 items"), Duration.ofSeconds(90));
                kafka.stop();
                List<String> changed = store.catalog().products().stream().limit(5).map(p -> p.get("sku").asText()).toList();
                changed.forEach(sku -> store.catalog().updateProduct(sku, p -> p.put("name", "changed during the outage")));
                Thread.sleep(15_000);
                kafka.start();
                List<ConsumerRecord<String, String>> records = read(kafka.bootstrapServers(), topic, 105, Duration.ofSeconds(120));
                Set<String> updated = records.stream()
                        .filter(r -> r.value() != null && r.value().contains("changed during the outage"))
                        .map(ConsumerRecord::key).collect(Collectors.toSet());
                assertEquals(Set.copyOf(changed), updated, "every change made during the outage arrives");
                assertEquals(105, records.size(), "and nothing else twice");
                assertTrue(connector.isAlive());
            }
        }
    }

    /** A store polled every second, its products only: the other streams off. */
    private static ConnectorEnvironment.Builder productsOnly(SandboxOptions store) {
        return ConnectorEnvironment.builder().store(store).otherStreamsDisabled().pollInterval("1s");
    }

    private static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
