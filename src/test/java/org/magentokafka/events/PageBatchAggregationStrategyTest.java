package org.magentokafka.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.magentokafka.stream.MagentoConstants;

/** A page's Kafka batch: changed items in order, each deleted event directly followed by its tombstone. */
class PageBatchAggregationStrategyTest {

    private final CamelContext camel = new DefaultCamelContext();

    @Test
    void aDeletedEventIsFollowedByItsTombstoneInTheSameBatch() {
        PageBatchAggregationStrategy strategy = new PageBatchAggregationStrategy();
        Exchange page = strategy.aggregate(null, item("A", "updated", "{\"a\":1}"));
        page = strategy.aggregate(page, item("B", "deleted", "{\"key\":\"B\"}"));
        page = strategy.aggregate(page, item("C", "unchanged", null));
        strategy.onCompletion(page);

        @SuppressWarnings("unchecked")
        List<Exchange> batch = page.getMessage().getBody(List.class);
        assertEquals(List.of("A", "B", "B"), batch.stream().map(e -> e.getMessage().getHeader(KafkaConstants.KEY)).toList());
        Exchange deleted = batch.get(1);
        Exchange tombstone = batch.get(2);
        assertEquals("{\"key\":\"B\"}", deleted.getMessage().getBody());
        assertEquals("application/json", deleted.getMessage().getHeader("content-type"));
        assertNull(tombstone.getMessage().getBody(), "a tombstone has a null value");
        assertNull(tombstone.getMessage().getHeader("content-type"), "and no content-type");
        assertEquals(deleted.getMessage().getHeader("ce_id"), tombstone.getMessage().getHeader("ce_id"));
        assertEquals("magento.product.deleted", tombstone.getMessage().getHeader("ce_type"));
    }

    private Exchange item(String key, String change, String body) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader(MagentoConstants.CHANGE, change);
        e.getMessage().setHeader(KafkaConstants.KEY, key);
        e.getMessage().setHeader("ce_id", "id-" + key);
        e.getMessage().setHeader("ce_type", "magento.product." + change);
        e.getMessage().setHeader("content-type", "application/json");
        e.getMessage().setBody(body);
        return e;
    }
}
