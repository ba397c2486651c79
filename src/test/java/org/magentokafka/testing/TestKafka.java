package org.magentokafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker (KRaft, combined broker and controller, in this JVM) for the whole test run: started on
 * first use, shared by every test class, stopped when the JVM exits.
 */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // At JVM exit the test kit's temp-dir hook may delete the log directory while the broker still writes its
            // checkpoints; the broker then finds all log dirs failed and halts the JVM with status 1, which surefire
            // reports as a broken fork although every test passed. In a test JVM Kafka never ends the process.
            Exit.setHaltProcedure((status, message) -> System.err.println("test Kafka wanted to halt the JVM (" + status + "): " + message));
            Exit.setExitProcedure((status, message) -> System.err.println("test Kafka wanted to exit the JVM (" + status + "): " + message));
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        kit.close();
                    } catch (Exception e) {
                        // the JVM is exiting; nothing to do
                    }
                }, "test-kafka-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /** A fresh topic name, so test classes sharing the broker never see each other's records. */
    public static String uniqueTopic(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads the topic from the beginning until {@code expected} records arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> readAtLeast(String topic, int expected, Duration timeout) {
        return read(topic, expected, timeout, Duration.ZERO);
    }

    /**
     * Reads the topic from the beginning until {@code expected} records arrived, then keeps reading for
     * {@code settle} to catch any extra (duplicate) record, or until the timeout passed.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout, Duration settle) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r);
                }
                if (records.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return records;
    }

    private static Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Reading must not create the topic before the connector does (it creates them compacted).
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // As docs/operations.md asks of every reader: what an aborted (fenced) transaction wrote is not there.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }
}
