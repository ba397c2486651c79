package org.magentokafka.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads catalog records as a consumer using the CloudEvents SDK ({@code io.cloudevents:cloudevents-kafka}) does,
 * and checks what the connector promises: every record converts, a {@code deleted} event carries its data
 * document, and every tombstone (null value, no {@code content-type}) directly follows the deleted event of its
 * key, same id.
 */
public final class CloudEventRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventRecords() {
    }

    /** Converts every record with the SDK (in order) and checks the deleted-then-tombstone rule; returns the events. */
    public static List<CloudEvent> assertEveryRecordConverts(List<ConsumerRecord<String, String>> records) {
        List<CloudEvent> events = new ArrayList<>(records.size());
        Map<String, CloudEvent> lastByKey = new HashMap<>();
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            for (ConsumerRecord<String, String> r : records) {
                CloudEvent event = convert(sdk, r);
                String where = r.topic() + "/" + r.partition() + "@" + r.offset() + " key " + r.key();
                if (r.value() == null) {
                    assertNull(r.headers().lastHeader("content-type"), "a tombstone has no content-type: " + where);
                    CloudEvent before = lastByKey.get(r.topic() + "/" + r.partition() + "/" + r.key());
                    assertTrue(before != null && before.getType().endsWith(".deleted") && before.getData() != null,
                            "a tombstone follows a deleted event of its key: " + where + " came after " + before);
                    assertEquals(before.getId(), event.getId(), "the tombstone repeats its deleted event's id: " + where);
                } else {
                    assertEquals("application/json", event.getDataContentType(), where);
                    assertNotNull(event.getData(), where);
                    if (event.getType().endsWith(".deleted")) {
                        assertDeletedData(r.key(), event);
                    }
                }
                lastByKey.put(r.topic() + "/" + r.partition() + "/" + r.key(), event);
                events.add(event);
            }
        }
        return events;
    }

    /** The records that are events with data: every record but the tombstones. */
    public static List<ConsumerRecord<String, String>> withoutTombstones(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null).toList();
    }

    private static CloudEvent convert(CloudEventDeserializer sdk, ConsumerRecord<String, String> r) {
        CloudEvent event;
        try {
            event = sdk.deserialize(r.topic(), r.headers(), r.value() == null ? null : r.value().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            fail("the CloudEvents SDK cannot read " + r.topic() + "@" + r.offset() + " key " + r.key() + ": " + e);
            return null;
        }
        assertNotNull(event, "the SDK turned " + r.topic() + "@" + r.offset() + " into nothing");
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertNotNull(event.getId());
        assertNotNull(event.getSource());
        assertTrue(event.getType().startsWith("magento."), event.getType());
        assertEquals(r.key(), event.getSubject(), "ce_subject is the record key");
        assertNotNull(event.getTime());
        return event;
    }

    private static void assertDeletedData(String key, CloudEvent event) {
        try {
            JsonNode data = JSON.readTree(event.getData().toBytes());
            assertEquals(key, data.get("key").asText(), "the deleted event names its key: " + data);
            assertTrue(data.get("store_code").isTextual(), "the deleted event names its store view: " + data);
            Instant.parse(data.get("deleted_at").asText());
        } catch (IOException e) {
            throw new AssertionError("a deleted event's data is not JSON: " + e);
        }
    }
}
