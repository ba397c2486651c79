package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.Faults;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Bad input from the store: page-level problems (truncated bodies, a total_count that moves) are retried or
 * re-read; item-level problems (wrong types, no SKU) go to the dead-letter topic with the raw item and the
 * reason; nothing else is lost and nothing is published twice.
 */
class BadInputIT {

    private static final int PRODUCTS = 300;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static ConnectorProcess connector;
    private static String topic;
    private static String deadLetters;
    private static String wrongType;
    private static String noSku;
    private static String stringNumbers;
    private static String duplicated;
    private static List<ConsumerRecord<String, String>> published;
    private static List<ConsumerRecord<String, String>> dead;

    @BeforeAll
    static void start() {
        SandboxStore probe = SandboxStore.start(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build());
        List<String> skus = probe.catalog().products().stream().map(p -> p.get("sku").asText()).toList();
        probe.close();
        wrongType = skus.get(10);
        noSku = skus.get(20);
        stringNumbers = skus.get(30);
        duplicated = skus.get(99); // the last item of page 1: Magento repeats it at the top of page 2
        Faults faults = Faults.builder()
                .customAttributeWrongType(wrongType, "color", Faults.WrongType.ARRAY)
                .missingSku(noSku)
                .numbersAsStrings(stringNumbers)
                .duplicateAcrossPages(duplicated)
                .totalCountDrift(3)
                .rateTruncated(0.1)
                .seed(11)
                .build();
        deadLetters = TestKafka.uniqueTopic("dead-letter");
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).faults(faults).build())
                .topic("products", "bad-input")
                .otherStreamsDisabled()
                .env("MAGENTO_PAGE_SIZE", "100")
                .env("MAGENTO_RETRY_BASE_DELAY", "50ms")
                .env("MAGENTO_TOPIC_DEAD_LETTER", deadLetters)
                .start();
        store = environment.store();
        topic = environment.topic("products");
        connector = environment.start("bad-input");
        connector.awaitLine(Pattern.compile("magento:products synced"), WAIT);
        published = TestKafka.read(topic, PRODUCTS - 2, WAIT, Duration.ofSeconds(2));
        dead = TestKafka.read(deadLetters, 2, WAIT, Duration.ofSeconds(1));
    }

    @Test
    void aWrongTypedAttributeSendsTheProductToTheDeadLetterTopicWithItsRawContent() {
        JsonNode record = deadLetter(r -> r.get("item").path("sku").asText().equals(wrongType));
        assertEquals("products", record.get("stream").asText());
        assertEquals("default", record.get("store_code").asText());
        assertTrue(record.get("reason").asText().contains("color"), record.toString());
        assertTrue(record.get("item").has("custom_attributes"), "the raw item");
    }

    @Test
    void aProductWithoutSkuGoesToTheDeadLetterTopic() {
        JsonNode record = deadLetter(r -> !r.get("item").has("sku"));
        assertTrue(record.get("reason").asText().contains("sku"), record.toString());
        assertNotNull(record.get("item").get("id"));
    }

    @Test
    void everyOtherProductIsPublishedExactlyOnceIncludingNumbersAsStringsAndDuplicates() {
        Set<String> expected = store.catalog().products().stream().map(p -> p.get("sku").asText())
                .filter(s -> !s.equals(wrongType) && !s.equals(noSku)).collect(Collectors.toSet());
        assertEquals(expected, published.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        assertEquals(expected.size(), published.size(), "a product repeated across pages is published once");
        ConsumerRecord<String, String> strings = published.stream().filter(r -> r.key().equals(stringNumbers)).findFirst().orElseThrow();
        assertTrue(Records.json(strings).get("product").get("price").isTextual(), "published as Magento returned it");
    }

    @Test
    void truncatedBodiesAreRetriedAndAMovingTotalCountKeepsTheWatermark() {
        assertTrue(store.faultCounts().get("TRUNCATED") > 0, "bodies were truncated: " + store.faultCounts());
        assertTrue(connector.count(Pattern.compile("total_count changed during the sync")) > 0, connector.output());
    }

    private static JsonNode deadLetter(java.util.function.Predicate<JsonNode> match) {
        return dead.stream().map(Records::json).filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("no such dead letter in " + dead.stream().map(ConsumerRecord::value).toList()));
    }
}
