package org.magentokafka.bench;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.TestKafka;

/**
 * What every scenario runs against, in this JVM: a Kafka broker (KRaft) and the simulator with a generated catalog
 * of {@code bench.products} products in the store views {@code bench.storeViews}, answering every request
 * {@code bench.latency} ms after it arrived.
 */
final class BenchRig implements AutoCloseable {

    final BenchOptions options;
    final String bootstrap;
    final SandboxStore store;

    private BenchRig(BenchOptions options, String bootstrap, SandboxStore store) {
        this.options = options;
        this.bootstrap = bootstrap;
        this.store = store;
    }

    BenchOptions options() {
        return options;
    }

    static BenchRig start(BenchOptions options) {
        System.out.println("[bench] starting a Kafka broker (KRaft) ...");
        String bootstrap = TestKafka.bootstrapServers();
        System.out.println("[bench] generating " + options.products() + " products in store views " + options.storeViews() + " ...");
        long genStart = System.nanoTime();
        SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(options.products())
                .latencyMillis(options.latencyMillis()).offsetCostMicros(options.offsetCostMicros())
                .gzip(options.gzip())
                .storefront(options.storefront() ? StorefrontOptions.full() : StorefrontOptions.defaults())
                .storeCodes(options.storeViews()).build());
        System.out.printf("[bench] simulator at %s (%.1f s to generate), Kafka at %s%n", store.baseUrl(),
                (System.nanoTime() - genStart) / 1e9, bootstrap);
        return new BenchRig(options, bootstrap, store);
    }

    /** Records in the topic (end offsets summed), or -1 when it cannot be read; never creates the topic. */
    long recordCount(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static Properties consumerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Reading must never create a topic: the connector creates them (compacted).
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return p;
    }

    @Override
    public void close() {
        store.close();
        stopBroker();
    }

    /**
     * Stops the broker TestKafka started (it only offers a shutdown hook; a TestKafka.close() would make this
     * reflection unnecessary). Deletes its data directories.
     */
    private static void stopBroker() {
        try {
            Field f = TestKafka.class.getDeclaredField("cluster");
            f.setAccessible(true);
            Object cluster = f.get(null);
            if (cluster instanceof AutoCloseable c) {
                c.close();
                f.set(null, null);
            }
        } catch (Throwable e) {
            System.out.println("[bench] stopping the broker: " + e);
        }
    }
}
