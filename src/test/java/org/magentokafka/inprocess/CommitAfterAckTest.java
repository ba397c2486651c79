package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.KafkaAvailability;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * The state records what was published only once Kafka acknowledged it: a page Kafka never acknowledged is read
 * and published again at the next poll, and nothing acknowledged is published twice.
 */
class CommitAfterAckTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern POLL_FAILED = Pattern.compile("magento:products poll failed");

    @Test
    void aSyncKafkaDidNotAcknowledgeIsPublishedInFullAtTheNextPollAsCreated() throws Exception {
        KafkaAvailability kafka = new KafkaAvailability();
        kafka.becomeUnavailable();
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(150).storeCodes(List.of("default")).build())
                .stream("products")
                .pollInterval("500ms")
                .option("errorBackoffMax", "1s")
                .kafka(kafka)
                .start()) {
            connector.log().await(POLL_FAILED, WAIT);
            assertTrue(kafka.refused() > 0, "the pages were sent and not acknowledged");
            assertEquals(0, TestKafka.read(connector.topic("products"), 1, Duration.ofSeconds(1), Duration.ZERO).size());

            kafka.becomeAvailable();
            connector.log().await(Pattern.compile("magento:products synced 150 items"), WAIT);
            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 150, WAIT, Duration.ofSeconds(2));
            assertEquals(150, records.stream().map(ConsumerRecord::key).distinct().count(), "every product");
            // Kafka may come back in the middle of a page: its acknowledged records are published again with the rest
            // of that page at the next poll (at least once), never more than that one page of 100.
            assertTrue(records.size() <= 150 + 100, "at most the page in flight when Kafka came back twice: " + records.size());
            assertEquals(Set.of("magento.product.created"), records.stream().map(r -> Records.header(r, "ce_type")).collect(Collectors.toSet()),
                    "nothing of the unacknowledged pages reached the state: every product is still new");
        }
    }

    @Test
    void changesKafkaDidNotAcknowledgeArePublishedOnceWhenItIsBack() throws Exception {
        KafkaAvailability kafka = new KafkaAvailability();
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(100).storeCodes(List.of("default")).build())
                .stream("products")
                .pollInterval("500ms")
                .option("errorBackoffMax", "1s")
                .kafka(kafka)
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 100 items"), WAIT);
            kafka.becomeUnavailable();
            List<String> changed = connector.store().catalog().products().stream().limit(5).map(p -> p.get("sku").asText()).toList();
            changed.forEach(sku -> connector.store().catalog().updateProduct(sku, p -> p.put("name", "changed while Kafka was away")));
            connector.log().await(POLL_FAILED, WAIT);
            kafka.becomeAvailable();

            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 105, WAIT, Duration.ofSeconds(2));
            Set<String> updated = records.stream().filter(r -> r.value() != null && r.value().contains("changed while Kafka was away"))
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            assertEquals(Set.copyOf(changed), updated, "every change made while Kafka did not acknowledge arrives");
            assertEquals(105, records.size(), "and nothing else twice");
        }
    }
}
