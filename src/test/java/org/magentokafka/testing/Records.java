package org.magentokafka.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Small readers for the records tests get back from Kafka. */
public final class Records {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return record.value() == null ? null : JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    /** The last record per key, as a compacted topic converges to. */
    public static Map<String, ConsumerRecord<String, String>> latestByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(r.key(), r));
        return latest;
    }
}
