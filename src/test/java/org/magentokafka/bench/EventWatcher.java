package org.magentokafka.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads topics from their current end, on its own thread, and hands every record to a callback as it arrives: the
 * events the connector publishes while the benchmark changes the store.
 */
final class EventWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    EventWatcher(String bootstrap, List<String> topics, Consumer<ConsumerRecord<String, String>> onRecord) {
        this.consumer = new KafkaConsumer<>(BenchRig.consumerProperties(bootstrap));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist: did the stream publish its initial sync?");
            }
            infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, before the first change is made: everything after it is read.
        partitions.forEach(consumer::position);
        this.thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        onRecord.accept(r);
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }, "bench-event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
