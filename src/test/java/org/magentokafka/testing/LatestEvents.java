package org.magentokafka.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The latest event of each key on a topic: what a compacted topic converges to, as the tests judge it. */
public final class LatestEvents {

    private LatestEvents() {
    }

    /** The newest record of each key as JSON, by key; a key whose newest record is a tombstone maps to null. */
    public static Map<String, JsonNode> of(List<ConsumerRecord<String, String>> records) {
        Map<String, JsonNode> latest = new TreeMap<>();
        Records.latestByKey(records).forEach((key, r) -> latest.put(key, Records.json(r)));
        return latest;
    }

    /**
     * The topic read from its beginning until {@code expected} records arrived, then for {@code settle} more (or until
     * {@code timeout}): the newest record of each key, a tombstone as null ({@link #of}).
     */
    public static Map<String, JsonNode> read(String topic, int expected, Duration timeout, Duration settle) {
        return of(TestKafka.read(topic, expected, timeout, settle));
    }

    /**
     * As {@link #read}, after asserting that every record reads as a CloudEvent, and skipping tombstones: the last
     * event each key carried (a deleted key keeps its last event).
     */
    public static Map<String, JsonNode> readCloudEvents(String topic, int expected, Duration timeout, Duration settle) {
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, expected, timeout, settle);
        CloudEventRecords.assertEveryRecordConverts(records);
        return of(CloudEventRecords.withoutTombstones(records));
    }

    /**
     * Waits until the newest record of {@code key} is an event that satisfies {@code wanted}: each look reads the
     * topic from its beginning until a first record arrived, then for {@code look} more.
     *
     * @return that event
     * @throws AssertionError naming the last event seen, when none did within {@code timeout}
     */
    public static JsonNode await(String topic, String key, Predicate<JsonNode> wanted, Duration timeout, Duration look) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read(topic, 1, Duration.ofNanos(Math.max(deadline - System.nanoTime(), look.toNanos())), look).get(key);
            if (last != null && wanted.test(last)) {
                return last;
            }
        }
        throw new AssertionError("no event of " + key + " as wanted within " + timeout + "; the last: " + last);
    }
}
