package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * One product whose event exceeds the producer's max.request.size (a page-builder description of 1.5 MB) goes to
 * the dead-letter topic with its key, size and the setting to raise; its page and the stream go on.
 */
class OversizedEventTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aProductTooBigForKafkaIsDeadLetteredAndTheStreamGoesOn() {
        String[] big = new String[1];
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(20).storeCodes(List.of("default")).build())
                .beforeStart(store -> {
                    big[0] = store.catalog().products().get(5).get("sku").asText();
                    store.catalog().updateProduct(big[0], p -> ((ArrayNode) p.withArray("custom_attributes")).addObject()
                            .put("attribute_code", "description").put("value", "<p>" + "x".repeat(1_500_000) + "</p>"));
                })
                .stream("products")
                .pollInterval("500ms")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 20 items"), WAIT);
            List<ConsumerRecord<String, String>> published = TestKafka.read(connector.topic("products"), 19, WAIT, Duration.ofSeconds(2));
            Set<String> keys = new TreeSet<>();
            published.forEach(r -> keys.add(r.key()));
            assertEquals(19, keys.size(), "every other product of the page is published");
            assertTrue(!keys.contains(big[0]), "the oversized one is not");
            JsonNode dead = Records.json(TestKafka.read(connector.deadLetterTopic(), 1, WAIT, Duration.ofSeconds(1)).get(0));
            assertEquals(big[0], dead.get("item").get("key").asText());
            assertTrue(dead.get("reason").asText().contains("max.request.size of 1048576 bytes"), dead.toString());
            assertTrue(dead.toString().length() < 10_000, "the dead letter carries the key, not the oversized item");
            String line = connector.log().await(Pattern.compile("went to the dead-letter topic: the event of key"), WAIT);
            assertTrue(line.contains("kafka.max.request.size"), line);
            assertEquals(0, connector.log().count(Pattern.compile("poll failed")), "the stream does not stall");
        }
    }
}
