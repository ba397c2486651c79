package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.TestKafka;

/**
 * The Kafka-backed state store ({@code stateStore=kafka}) lets a pod without a volume restart without
 * re-publishing, also from a state topic the earlier, hash-only version wrote.
 */
class KafkaStateStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aStatelessRestartWithTheKafkaStateStorePublishesNothingAgain() {
        try (InProcessConnector connector = kafkaState(150, TestKafka.uniqueTopic("connector-state"))) {
            connector.log().await(Pattern.compile("magento:products synced 150 items"), WAIT);
            // A new pod: a fresh, empty state directory.
            connector.restartAsANewPod();
            awaitThreeMorePolls(connector);
            assertEquals(150, TestKafka.read(connector.topic("products"), 151, Duration.ofSeconds(3), Duration.ZERO).size(),
                    "the restarted pod knew what was published");
        }
    }

    @Test
    void aStateTopicWrittenByTheHashOnlyVersionStillLoadsOnUpgrade() throws Exception {
        String stateTopic = TestKafka.uniqueTopic("connector-state-upgrade");
        try (InProcessConnector connector = kafkaState(60, stateTopic)) {
            connector.log().await(Pattern.compile("magento:products synced 60 items"), WAIT);
            connector.stop();
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
            connector.restartAsANewPod();
            awaitThreeMorePolls(connector);
            assertEquals(60, TestKafka.read(connector.topic("products"), 61, Duration.ofSeconds(3), Duration.ZERO).size(),
                    "the upgraded connector read the earlier state and published nothing again");
        }
    }

    private static InProcessConnector kafkaState(int products, String stateTopic) {
        return InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(products).storeCodes(List.of("default")).build())
                .stream("products")
                .pollInterval("500ms")
                .option("stateStore", "kafka")
                .option("stateTopic", stateTopic)
                .start();
    }

    private static void awaitThreeMorePolls(InProcessConnector connector) {
        int before = connector.store().requests().matching("/V1/products").size();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (connector.store().requests().matching("/V1/products").size() < before + 3 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertTrue(connector.store().requests().matching("/V1/products").size() >= before + 3, "the restarted connector polls");
    }
}
