package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** Which of the Kafka clients' own lines reach the operator. */
class KafkaAccessLogFilterTest {

    private final KafkaAccessLogFilter filter = new KafkaAccessLogFilter(new KafkaAccess());

    @Test
    void aProduceRetryWhileATransactionsMarkersAreWrittenIsNotTheOperatorsConcern() {
        assertFalse(filter.isLoggable(warn("[Producer clientId=producer-g, transactionalId=g] Got error produce response"
                + " with correlation id 31 on topic-partition magento.products-2, retrying (2147483646 attempts left)."
                + " Error: CONCURRENT_TRANSACTIONS")));
    }

    @Test
    void otherKafkaWarningsPass() {
        assertTrue(filter.isLoggable(warn("[Producer clientId=producer-1] Got error produce response with correlation id 7"
                + " on topic-partition magento.products-0, retrying (2 attempts left). Error: NOT_LEADER_OR_FOLLOWER")));
        assertTrue(filter.isLoggable(warn("[Producer clientId=producer-1] Error: CONCURRENT_TRANSACTIONS, giving up")));
    }

    private static LogRecord warn(String message) {
        return new LogRecord(Level.WARNING, message);
    }
}
