package org.magentokafka.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The largest record the producer will send: Kafka's {@code max.request.size} (1 MiB by default) bounds each
 * record's serialized size, key, value and headers together. A record over it fails its whole batch on every try,
 * so an event that would not fit (a page-builder description of 1.5 MB, a configurable with many variants) is sent
 * to the dead-letter topic instead, and the page goes on.
 */
public final class RecordSizeLimit {

    /** Kafka's default {@code max.request.size}. */
    public static final int KAFKA_DEFAULT = 1_048_576;
    /**
     * What a record costs beside its value: batch header (61 bytes), record framing, and the CloudEvent headers,
     * whose names and fixed values stay under this; the key and the variable header values are counted apart.
     */
    static final int OVERHEAD = 1024;

    private final int maxRequestSize;

    public RecordSizeLimit(int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    /** From the Kafka client settings ({@code kafka.max.request.size}), Kafka's default without it. */
    public static RecordSizeLimit of(Map<String, ?> producerSettings) {
        Object configured = producerSettings.get("max.request.size");
        try {
            return new RecordSizeLimit(configured == null ? KAFKA_DEFAULT : Integer.parseInt(configured.toString().strip()));
        } catch (NumberFormatException e) {
            return new RecordSizeLimit(KAFKA_DEFAULT); // the producer itself refuses such a setting at start
        }
    }

    public int maxRequestSize() {
        return maxRequestSize;
    }

    /** The record's estimated size when it would not fit (the key counts twice: it is also {@code ce_subject}), else -1. */
    long excess(String key, byte[] value) {
        long size = (long) value.length + 2L * key.getBytes(StandardCharsets.UTF_8).length + OVERHEAD;
        return size > maxRequestSize ? size : -1;
    }
}
