package org.magentokafka.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.magentokafka.events.ChangeType;
import org.magentokafka.events.CloudEvent;
import org.magentokafka.events.Tombstone;
import org.magentokafka.stream.MagentoConstants;

/**
 * Collects the changed items of one page (those the change detector did not mark unchanged) into a list of
 * exchanges, so the Kafka producer sends the page as one batch and the page's exchange completes only when Kafka
 * acknowledged every record of it. A deleted event is followed by its {@link Tombstone} in the same batch, so the
 * state records the deletion only once both are acknowledged.
 */
public class PageBatchAggregationStrategy implements AggregationStrategy {

    private static final String BATCH = "CamelMagentoPageBatch";

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        // The result must not be the first item's exchange: its message is in the batch and must keep its body.
        Exchange result = oldExchange == null ? newExchange.copy() : oldExchange;
        List<Exchange> batch = result.getProperty(BATCH, List.class);
        if (batch == null) {
            batch = new ArrayList<>();
            result.setProperty(BATCH, batch);
        }
        // Each record keeps its own headers (the CloudEvent attributes): the Kafka endpoint sets
        // batchWithIndividualHeaders, else every record of a batch would carry the page's headers.
        String change = newExchange.getMessage().getHeader(MagentoConstants.CHANGE, String.class);
        if (!ChangeType.UNCHANGED.wireName().equals(change)) {
            batch.add(newExchange);
        }
        if (ChangeType.DELETED.wireName().equals(change)) {
            batch.add(Tombstone.after(newExchange));
        }
        return result;
    }

    @Override
    public void onCompletion(Exchange exchange) {
        Object batch = exchange.removeProperty(BATCH);
        exchange.getMessage().setBody(batch == null ? new ArrayList<Exchange>() : batch);
        // The result started as a copy of the first item: its per-item headers must not leak onto the page.
        exchange.getMessage().removeHeaders("ce_*");
        exchange.getMessage().removeHeaders("kafka.*");
        exchange.getMessage().removeHeader(CloudEvent.CONTENT_TYPE_HEADER);
    }
}
