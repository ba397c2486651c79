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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.ExternalKafka;
import org.magentokafka.testing.TestKafka;

/**
 * The Kafka-backed state store lets a pod without a volume restart without re-publishing; and Kafka going away
 * for a while loses nothing: the changes made meanwhile flow once it is back.
 */
class StateAndOutageIT {

    @Test
    void aStatelessRestartWithTheKafkaStateStorePublishesNothingAgain() {
        try (ConnectorEnvironment environment = productsOnly(SandboxOptions.builder().productCount(150).storeCodes(List.of("default")).build())
                .topic("products", "kafka-state")
                .env("MAGENTO_STATE_STORE", "kafka")
                .env("MAGENTO_STATE_TOPIC", TestKafka.uniqueTopic("connector-state"))
                .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            try (ConnectorProcess first = environment.start("kafka-state-first")) {
                first.awaitLine(Pattern.compile("magento:products synced 150 items"), Duration.ofSeconds(60));
            }
            // A new pod: a fresh, empty state directory (ConnectorProcess gives each process its own).
            try (ConnectorProcess second = environment.start("kafka-state-second")) {
                second.awaitLine(Pattern.compile("Apache Camel .* started"), Duration.ofSeconds(60));
                int before = store.requests().matching("/V1/products").size();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (store.requests().matching("/V1/products").size() < before + 3 && System.nanoTime() < deadline) {
                    sleep(200);
                }
                assertEquals(150, TestKafka.read(topic, 151, Duration.ofSeconds(5), Duration.ZERO).size(),
                        "the restarted pod knew what was published");
            }
        }
    }

    @Test
    void aStateTopicWrittenByTheHashOnlyVersionStillLoadsOnUpgrade() throws Exception {
        String stateTopic = TestKafka.uniqueTopic("connector-state-upgrade");
        try (ConnectorEnvironment environment = productsOnly(SandboxOptions.builder().productCount(60).storeCodes(List.of("default")).build())
                .topic("products", "kafka-state-upgrade")
                .env("MAGENTO_STATE_STORE", "kafka")
                .env("MAGENTO_STATE_TOPIC", stateTopic)
                .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            try (ConnectorProcess first = environment.start("kafka-state-before-upgrade")) {
                first.awaitLine(Pattern.compile("magento:products synced 60 items"), Duration.ofSeconds(60));
            }
            // Rewrite every key's record as the earlier version wrote it: the bare content hash, no sequence.
            List<ConsumerRecord<String, String>> state = TestKafka.read(stateTopic, 60, Duration.ofSeconds(30), Duration.ofSeconds(1));
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            int rewritten = 0;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                for (ConsumerRecord<String, String> r : state) {
                    if (r.key().contains("|H|") && r.value() != null && r.value().contains(":")) {
                        producer.send(new ProducerRecord<>(stateTopic, r.key(), r.value().substring(0, r.value().indexOf(':')))).get();
                        rewritten++;
                    }
                }
            }
            assertTrue(rewritten >= 60, "the state topic held the products' versions: " + rewritten);
            try (ConnectorProcess upgraded = environment.start("kafka-state-after-upgrade")) {
                upgraded.awaitLine(Pattern.compile("Apache Camel .* started"), Duration.ofSeconds(60));
                int before = store.requests().matching("/V1/products").size();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (store.requests().matching("/V1/products").size() < before + 3 && System.nanoTime() < deadline) {
                    sleep(200);
                }
                assertEquals(60, TestKafka.read(topic, 61, Duration.ofSeconds(5), Duration.ZERO).size(),
                        "the upgraded connector read the earlier state and published nothing again");
            }
        }
    }

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
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
