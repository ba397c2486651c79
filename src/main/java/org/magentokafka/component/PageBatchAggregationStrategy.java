package org.magentokafka.component;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Collects the changed items of one page (those the change detector did not mark unchanged) into a list of
 * messages, so the Kafka producer sends the page as one batch and the page's exchange completes only when Kafka
 * acknowledged every record of it.
 */
public class PageBatchAggregationStrategy implements AggregationStrategy {

    private static final String BATCH = "CamelMagentoPageBatch";

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        // The result must not be the first item's exchange: its message is in the batch and must keep its body.
        Exchange result = oldExchange == null ? newExchange.copy() : oldExchange;
        List<Message> batch = result.getProperty(BATCH, List.class);
        if (batch == null) {
            batch = new ArrayList<>();
            result.setProperty(BATCH, batch);
        }
        Message message = newExchange.getMessage();
        if (!"unchanged".equals(message.getHeader(MagentoConstants.CHANGE, String.class))) {
            batch.add(message);
        }
        return result;
    }

    @Override
    public void onCompletion(Exchange exchange) {
        Object batch = exchange.removeProperty(BATCH);
        exchange.getMessage().setBody(batch == null ? new ArrayList<Message>() : batch);
    }
}
