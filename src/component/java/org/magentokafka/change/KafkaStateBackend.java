package org.magentokafka.change;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.magentokafka.kafka.FencedWriter;
import org.magentokafka.kafka.KafkaAccessFailure;
import org.magentokafka.kafka.KafkaClientSettings;
import java.util.concurrent.Future;

/**
 * State kept in a compacted Kafka topic, for pods without a volume: every commit is written (and acknowledged)
 * before it counts, and the whole topic is read back once, at the first poll after a start. Records: key
 * {@code <stream>|<store>|H|<key>} → {@code <content hash hex>:<sequence>}, {@code -:<sequence>} once the key was
 * deleted (it keeps its sequence, see {@link KeyVersion}); key {@code <stream>|<store>|W} → the watermark; key
 * {@code <stream>|<store>|P} → {@code 1} while a full pass is requested, {@code 0} once served; key
 * {@code <stream>|<store>|R|<key>} → {@code 1} while the key waits to be published again, a tombstone once it was. Topics
 * written by earlier versions (a bare hash, a tombstone for a deletion) are read as keys with sequence 0. A
 * rebuild costs reading the topic (one small record per key).
 * <p>
 * With a {@link FencedWriter} (high availability) the records go out in the writer's transactions, a page's
 * state in the page's own, and a change becomes visible here only once its transaction committed; the topic is
 * read {@code read_committed}, so what a fenced leader left unfinished is never read back. {@link #reload()} drops
 * what was read, for a replica that takes the lease over: its successor may have written since. What was read back
 * waits in a {@link StateTopicContent} until each store view's state opens.
 */
public final class KafkaStateBackend implements AutoCloseable {

    private final KafkaClientSettings settings;
    private final String topic;
    private final FencedWriter fenced;
    private KafkaProducer<String, String> producer;
    private final StateTopicContent loadedContent = new StateTopicContent();
    private boolean loaded;

    /** {@code settings}: the connector's Kafka client settings, with the state store's bootstrap servers. */
    public KafkaStateBackend(KafkaClientSettings settings, String topic) {
        this(settings, topic, null);
    }

    /** @param fenced the transactional writer of a highly available connector; null for plain writes */
    public KafkaStateBackend(KafkaClientSettings settings, String topic, FencedWriter fenced) {
        this.settings = settings;
        this.topic = topic;
        this.fenced = fenced;
    }

    /** Forgets what was read: the next {@link #open} reads the topic again (stores opened before keep their copy). */
    public synchronized void reload() {
        loaded = false;
        loadedContent.clear();
    }

    /** The state of one stream of one store view, backed by this topic. */
    public synchronized StateStore open(String stream, String store) {
        load();
        String prefix = stream + "|" + store + "|";
        CompactHashIndex index = new CompactHashIndex();
        loadedContent.takeVersions(prefix, index);
        Store state = new Store(prefix, index, loadedContent.takeWatermark(prefix));
        state.fullPass = loadedContent.takeFullPass(prefix);
        state.republish.addAll(loadedContent.takeRepublish(prefix));
        return state;
    }

    private void load() {
        if (loaded) {
            return;
        }
        ensureTopic();
        loadedContent.read(settings, topic);
        loaded = true;
        if (fenced != null || producer != null) {
            return;
        }
        Properties pp = new Properties();
        pp.putAll(settings.producer());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(pp);
    }

    static String format(KeyVersion version) {
        return (version.live() ? ContentHash.hex(version.hash()) : "-") + ":" + version.sequence();
    }

    static KeyVersion parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return new KeyVersion(Long.parseUnsignedLong(value, 16), 0); // an earlier version's bare hash
        }
        String hash = value.substring(0, colon);
        return new KeyVersion(hash.equals("-") ? null : Long.parseUnsignedLong(hash, 16),
                Integer.parseInt(value.substring(colon + 1)));
    }

    private void ensureTopic() {
        Properties p = new Properties();
        p.putAll(settings.admin());
        try (Admin admin = Admin.create(p)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the state topic " + topic + " at kafka.bootstrap.servers: " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach Kafka for the state topic " + topic + ": "
                                            + KafkaAccessFailure.of(e).map(KafkaAccessFailure::message).orElse(e.toString()), e);
        }
    }

    private synchronized void write(List<ProducerRecord<String, String>> records) {
        if (fenced != null) {
            // Inside the caller's transaction (Store.durably): acknowledged when it commits.
            records.forEach(r -> fenced.send(new ProducerRecord<>(r.topic(), utf8(r.key()), utf8(r.value()))));
            return;
        }
        try {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            for (var f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the state topic " + topic + " (" + e + "): nothing of this page is marked done", e);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    private final class Store extends IndexedStateStore {
        private final String prefix;

        Store(String prefix, CompactHashIndex hashes, String watermark) {
            super(hashes, watermark);
            this.prefix = prefix;
        }

        @Override
        protected void durably(Runnable persist, Runnable remember) {
            if (fenced == null) {
                super.durably(persist, remember);
                return;
            }
            // The writer's lock before this store's: a page's transaction holds it while it records the page here.
            fenced.inTransaction(() -> {
                synchronized (this) {
                    persist.run();
                }
                fenced.afterCommit(() -> remember.run());
            });
        }

        @Override
        protected void persist(Map<String, KeyVersion> changes) {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            changes.forEach((k, v) -> records.add(new ProducerRecord<>(topic, prefix + "H|" + k, format(v))));
            write(records);
        }

        @Override
        protected void persistWatermark(String value) {
            write(List.of(new ProducerRecord<>(topic, prefix + "W", value)));
        }

        @Override
        protected void persistFullPass(boolean requested) {
            write(List.of(new ProducerRecord<>(topic, prefix + "P", requested ? "1" : "0")));
        }

        @Override
        protected void persistRepublish(Collection<String> keys, boolean requested) {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            // Served: a tombstone, so compaction forgets the request.
            keys.forEach(k -> records.add(new ProducerRecord<>(topic, prefix + "R|" + k, requested ? "1" : null)));
            write(records);
        }

        @Override
        public void close() {
            // the backend owns the producer
        }
    }
}
