package org.magentokafka.events;

import java.nio.charset.StandardCharsets;

import org.apache.camel.component.kafka.serde.DefaultKafkaHeaderSerializer;

/**
 * Kafka header values as UTF-8 whatever the platform charset. Camel's default turns strings into bytes with
 * {@code String.getBytes()}, so on a JVM started with a POSIX locale ({@code LANG=C}) or
 * {@code -Dfile.encoding=US-ASCII} a non-ASCII SKU in {@code ce_subject} became {@code ?}; the CloudEvents Kafka
 * binding requires UTF-8. Numbers and byte arrays are left to Camel's default; other types are converted by
 * Camel's type converters when the Camel context was set, and skipped otherwise (as Camel skips what it cannot
 * convert).
 */
public final class Utf8HeaderSerializer extends DefaultKafkaHeaderSerializer {

    @Override
    public byte[] serialize(String key, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Double || value instanceof byte[]
                || getCamelContext() != null) {
            return super.serialize(key, value);
        }
        return null;
    }
}
