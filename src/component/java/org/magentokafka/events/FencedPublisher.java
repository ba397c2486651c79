package org.magentokafka.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaHeaderFilterStrategy;
import org.apache.camel.component.kafka.serde.KafkaHeaderSerializer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.magentokafka.change.PageCommit;
import org.magentokafka.kafka.FencedWriter;

/**
 * The Kafka step of a highly available connector: a page's records (its batch of exchanges, as the kafka endpoint
 * gets them otherwise) and the state that records them go out in one transaction of the {@link FencedWriter}, so a
 * leader that froze and was replaced cannot write an older version over its successor's newer one: its transaction
 * is aborted and the page fails. Records carry what Camel's kafka producer would send: the key, the topic the
 * change detector chose, the body (null for a tombstone) and the headers Camel's Kafka filter lets through.
 */
public final class FencedPublisher implements Processor {

    private final Supplier<FencedWriter> writer;
    private final KafkaHeaderSerializer headers;
    private final HeaderFilterStrategy filter = new KafkaHeaderFilterStrategy();

    public FencedPublisher(Supplier<FencedWriter> writer, KafkaHeaderSerializer headers) {
        this.writer = writer;
        this.headers = headers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange page) {
        List<Exchange> batch = page.getMessage().getBody(List.class);
        PageCommit commit = page.getProperty(PageCommit.PROPERTY, PageCommit.class);
        FencedWriter fenced = writer.get();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Exchange item : batch == null ? List.<Exchange>of() : batch) {
            records.add(record(item.getMessage()));
        }
        fenced.inTransaction(() -> {
            records.forEach(fenced::send);
            if (commit != null) {
                // The page's versions join its events: both count, or neither.
                commit.record();
            }
        });
    }

    private ProducerRecord<byte[], byte[]> record(Message message) {
        String topic = message.getHeader(KafkaConstants.OVERRIDE_TOPIC, String.class);
        if (topic == null) {
            throw new IllegalStateException("a record without a topic: the change detector sets one for every record");
        }
        String key = message.getHeader(KafkaConstants.KEY, String.class);
        Object body = message.getBody();
        byte[] value = body == null ? null
                : body instanceof byte[] bytes ? bytes : message.getBody(String.class).getBytes(StandardCharsets.UTF_8);
        List<Header> recordHeaders = new ArrayList<>();
        for (Map.Entry<String, Object> h : message.getHeaders().entrySet()) {
            if (h.getValue() == null || filter.applyFilterToCamelHeaders(h.getKey(), h.getValue(), message.getExchange())) {
                continue;
            }
            byte[] bytes = headers.serialize(h.getKey(), h.getValue());
            if (bytes != null) {
                recordHeaders.add(new RecordHeader(h.getKey(), bytes));
            }
        }
        return new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value,
                recordHeaders);
    }
}
