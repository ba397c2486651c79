package org.magentokafka.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.magentokafka.kafka.KafkaClientSettings;

/**
 * What {@link KafkaStateBackend}'s topic held when it was read back, per stream and store view (the key prefix
 * {@code <stream>|<store>|}): the key versions, the watermark, whether a full pass was requested and the keys waiting
 * to be published again. Each store view's part is taken once, by the state store that opens it. Not thread-safe:
 * the backend guards it.
 */
final class StateTopicContent {

    private final Map<String, Map<String, KeyVersion>> loadedVersions = new HashMap<>();
    private final Map<String, String> loadedWatermarks = new HashMap<>();
    private final Map<String, Boolean> loadedFullPasses = new HashMap<>();
    private final Map<String, Set<String>> loadedRepublish = new HashMap<>();

    /** Reads the whole topic, from the beginning to the end it had when the read began. */
    void read(KafkaClientSettings settings, String topic) {
        Properties p = new Properties();
        p.putAll(settings.consumer());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // Never what a fenced leader's aborted transaction left in the log.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r.key(), r.value());
                }
            }
        }
    }

    /** Forgets what was read. */
    void clear() {
        loadedVersions.clear();
        loadedWatermarks.clear();
        loadedFullPasses.clear();
        loadedRepublish.clear();
    }

    private void apply(String key, String value) {
        // <stream>|<store>|<kind>[|<item>]: stream and store codes hold no '|', items (SKUs) may.
        int first = key == null ? -1 : key.indexOf('|');
        int second = first < 0 ? -1 : key.indexOf('|', first + 1);
        if (second < 0 || second + 1 >= key.length()) {
            return;
        }
        String prefix = key.substring(0, second + 1);
        String kind = key.substring(second + 1);
        if (kind.startsWith("H|")) {
            String item = kind.substring(2);
            Map<String, KeyVersion> versions = loadedVersions.computeIfAbsent(prefix, k -> new HashMap<>());
            if (value == null) {
                versions.remove(item); // an earlier version's deletion: no sequence to keep
            } else {
                versions.put(item, KafkaStateBackend.parse(value));
            }
        } else if (kind.startsWith("R|")) {
            Set<String> requests = loadedRepublish.computeIfAbsent(prefix, k -> new LinkedHashSet<>());
            if (value == null) {
                requests.remove(kind.substring(2));
            } else {
                requests.add(kind.substring(2));
            }
        } else if (kind.equals("W") && value != null) {
            loadedWatermarks.put(prefix, value);
        } else if (kind.equals("P") && value != null) {
            loadedFullPasses.put(prefix, "1".equals(value));
        }
    }

    /** Moves the store view's key versions into its index. */
    void takeVersions(String prefix, CompactHashIndex index) {
        loadedVersions.getOrDefault(prefix, Map.of()).forEach(index::put);
        loadedVersions.remove(prefix);
    }

    /** The store view's watermark, or null. */
    String takeWatermark(String prefix) {
        return loadedWatermarks.remove(prefix);
    }

    boolean takeFullPass(String prefix) {
        return Boolean.TRUE.equals(loadedFullPasses.remove(prefix));
    }

    /** The keys of the store view waiting to be published again. */
    Set<String> takeRepublish(String prefix) {
        Set<String> keys = loadedRepublish.getOrDefault(prefix, Set.of());
        loadedRepublish.remove(prefix);
        return keys;
    }
}
