package org.magentokafka.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.magentokafka.change.ContentHash;
import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.PageCommit;
import org.magentokafka.events.ChangeType;
import org.magentokafka.events.CloudEvent;
import org.magentokafka.events.DeadLetter;
import org.magentokafka.events.DeletedData;
import org.magentokafka.events.StoreTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.stream.MagentoConstants;

/**
 * For one item of a page (inside the route's split): serializes the document to be published, hashes it and
 * compares with what was last published for its key. Sets {@link MagentoConstants#CHANGE}; for a real change it
 * also sets the record key, the CloudEvent headers and the store view's topic, and records the key's new version
 * (hash and sequence, which the event id is derived from) in the page's {@link PageCommit} (applied once Kafka
 * acknowledged the page). A deletion becomes a {@code deleted} event with a small data document; the page's
 * batch adds its tombstone (the events package's {@code Tombstone}). A {@link NotInWebsite} marker (a product of
 * another website) is such a deletion when the store view's topic carries the key, and nothing otherwise.
 */
public class ChangeDetector implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);

    private final ObjectMapper mapper;
    private final RecordSizeLimit sizeLimit;

    private final EventMetrics metrics = new EventMetrics();

    public ChangeDetector(ObjectMapper mapper) {
        this(mapper, new RecordSizeLimit(RecordSizeLimit.KAFKA_DEFAULT));
    }

    /** @param sizeLimit the producer's record limit: a larger event goes to the dead-letter topic, not to Kafka's refusal */
    public ChangeDetector(ObjectMapper mapper, RecordSizeLimit sizeLimit) {
        this.mapper = mapper;
        this.sizeLimit = sizeLimit;
    }

    /** Publishes the raw item with the reason to the dead-letter topic; the rest of the page goes on. */
    private void deadLetter(Message message, MagentoStream stream, Object item, String reason) throws Exception {
        String store = message.getHeader(MagentoConstants.STORE_CODE, String.class);
        message.setHeader(MagentoConstants.CHANGE, "dead-letter");
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, message.getHeader(MagentoConstants.DEAD_LETTER_TOPIC, String.class));
        message.setHeader("magento_dead_letter_reason", reason);
        message.setHeader("content-type", CloudEvent.CONTENT_TYPE);
        message.setBody(mapper.writeValueAsString(DeadLetter.record(stream.uriName(), store, reason, item)));
        metrics.deadLetter(stream.uriName());
        LOG.warn("magento:{} store view {}: an item went to the dead-letter topic: {}", stream.uriName(), store, reason);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        MagentoStream stream = MagentoStream.fromUri(message.getHeader(MagentoConstants.STREAM, String.class));
        PageCommit commit = exchange.getProperty(PageCommit.PROPERTY, PageCommit.class);
        if (commit == null) {
            throw new IllegalStateException("changeDetector must run on items split from a magento: page");
        }
        Object body = message.getBody();
        if (body instanceof DeadLetter.Marker marker) {
            deadLetter(message, stream, marker.item(), marker.reason());
            return;
        }
        boolean delete = Boolean.TRUE.equals(message.getHeader(MagentoConstants.DELETES, Boolean.class));
        NotInWebsite elsewhere = !delete && body instanceof NotInWebsite n ? n : null;
        Map<String, Object> document = elsewhere == null ? (Map<String, Object>) body : Map.of();

        String key;
        long hash;
        ChangeType type;
        byte[] json;
        KeyVersion version = null;
        Instant now = Instant.now();
        boolean notInWebsite = elsewhere != null;
        if (notInWebsite && !commit.previous(elsewhere.key()).live()) {
            // Another website's product that this store view's topic never carried: nothing to publish.
            message.setHeader(MagentoConstants.CHANGE, ChangeType.UNCHANGED.wireName());
            return;
        }
        if (delete || notInWebsite) {
            // A key gone from the store, or a product removed from the store view's website since it was published
            // there: the same deleted event and tombstone on that store view's topic either way.
            key = delete ? String.valueOf(document.get("key")) : elsewhere.key();
            KeyVersion previous = commit.previous(key);
            // The id hashes what was deleted: the last published content (deterministic for a re-send).
            hash = previous.live() ? previous.hash() : 0L;
            type = ChangeType.DELETED;
            version = commit.next(key, null);
            json = mapper.writeValueAsBytes(DeletedData.of(key, message.getHeader(MagentoConstants.STORE_CODE, String.class), now));
        } else {
            Object item = document.get("product") instanceof Map<?, ?> product && document.containsKey("store_code")
                    ? product : document;
            key = stream.keyOf((Map<String, Object>) item);
            if (key == null) {
                deadLetter(message, stream, document, "the item has no " + String.join("/", stream.keyFields())
                                                      + ", so it cannot be keyed");
                return;
            }
            json = mapper.writeValueAsBytes(document);
            hash = ContentHash.of(json);
            KeyVersion previous = commit.previous(key);
            type = !previous.live() ? ChangeType.CREATED : previous.hash() == hash ? ChangeType.UNCHANGED : ChangeType.UPDATED;
            long size = type == ChangeType.UNCHANGED ? -1 : sizeLimit.excess(key, json);
            if (size > 0) {
                // Kafka would refuse the whole batch on every try: the page goes on, the key's state stays as it was
                // (its next change is tried again), and the dead letter carries the key, not the oversized item.
                deadLetter(message, stream, Map.of("key", key, "bytes", size), "the event of key " + key + " is about "
                        + size + " bytes, over the producer's max.request.size of " + sizeLimit.maxRequestSize()
                        + " bytes. Fix: raise kafka.max.request.size (and the topics' max.message.bytes, which the"
                        + " connector sets when it creates them) or shrink the item in Magento");
                return;
            }
            if (type != ChangeType.UNCHANGED) {
                version = commit.next(key, hash);
            }
        }
        message.setHeader(MagentoConstants.CHANGE, type.wireName());
        metrics.event(stream.uriName(), type.wireName());
        if (type == ChangeType.UNCHANGED) {
            return;
        }
        message.setHeader(KafkaConstants.KEY, key);
        String baseTopic = message.getHeader(MagentoConstants.TOPIC, String.class);
        if (baseTopic != null) {
            message.setHeader(KafkaConstants.OVERRIDE_TOPIC,
                    StoreTopics.topic(baseTopic, message.getHeader(MagentoConstants.STORE_CODE, String.class)));
        }
        CloudEvent.headers(stream.entity(), type, key, version.sequence(), hash,
                message.getHeader(MagentoConstants.SOURCE, String.class), now).forEach(message::setHeader);
        message.setBody(new String(json, StandardCharsets.UTF_8));
    }
}
