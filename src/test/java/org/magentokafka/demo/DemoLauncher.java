package org.magentokafka.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;
import java.nio.charset.StandardCharsets;

/**
 * The demo ({@code ./mvnw -Pdemo package}): the sandbox store and a Kafka broker in this JVM, the packaged
 * connector as its own process against them, and every record of the products topic printed to the console.
 * Ctrl-C stops all three.
 */
public final class DemoLauncher {

    private static final String TOPIC = "magento.products";

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("demo.products", 1000);
        System.out.println("[demo] starting a Kafka broker (KRaft) ...");
        String bootstrap = TestKafka.bootstrapServers();
        SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(products).latencyMillis(20).build());
        System.out.println("[demo] sandbox store with " + products + " products at " + store.baseUrl()
                           + ", Kafka at " + bootstrap);
        ConnectorProcess connector = ConnectorProcess.start("demo", Map.of(
                "MAGENTO_BASE_URL", store.baseUrl(),
                "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken(),
                "MAGENTO_POLL_INTERVAL", "5m",
                "MAGENTO_TOPIC_PRODUCTS", TOPIC,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap), line -> System.out.println("[connector] " + line));

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrap));
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[demo] stopping ...");
            consumer.wakeup();
            connector.close();
            store.close();
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop"));

        consumer.subscribe(List.of(TOPIC));
        long count = 0;
        try {
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    String value = r.value() == null ? "null (tombstone)" : r.value();
                    var type = r.headers().lastHeader("ce_type");
                    System.out.printf("[kafka %s #%d] %s key=%s value=%s%n", r.topic(), count,
                            type == null ? "" : new String(type.value(), StandardCharsets.UTF_8), r.key(),
                            value.length() > 160 ? value.substring(0, 160) + "..." : value);
                }
                if (!connector.isAlive()) {
                    System.out.println("[demo] the connector exited; see target/it-logs/demo.log");
                    break;
                }
            }
        } catch (WakeupException e) {
            // Ctrl-C
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-console-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The console must not create the topic before the connector creates it compacted.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }
}
