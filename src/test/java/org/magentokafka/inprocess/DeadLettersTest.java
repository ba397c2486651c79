package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Bad input from the store: page-level problems (truncated bodies, a total_count that moves) are retried or
 * re-read; item-level problems (wrong types, no SKU) go to the dead-letter topic with the raw item and the
 * reason; nothing else is lost and nothing is published twice.
 */
class DeadLettersTest {

    private static final int PRODUCTS = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;
    private static String wrongType;
    private static String noSku;
    private static String stringNumbers;
    private static List<ConsumerRecord<String, String>> published;
    private static List<ConsumerRecord<String, String>> dead;

    @BeforeAll
    static void syncAStoreThatAnswersBadInput() {
        SandboxOptions catalog = SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build();
        SandboxStore probe = SandboxStore.start(catalog);
        List<String> skus = probe.catalog().products().stream().map(p -> p.get("sku").asText()).toList();
        probe.close();
        wrongType = skus.get(10);
        noSku = skus.get(20);
        stringNumbers = skus.get(30);
        String duplicated = skus.get(99); // the last item of page 1: Magento repeats it at the top of page 2
        Faults faults = Faults.builder()
                .customAttributeWrongType(wrongType, "color", Faults.WrongType.ARRAY)
                .missingSku(noSku)
                .numbersAsStrings(stringNumbers)
                .duplicateAcrossPages(duplicated)
                .totalCountDrift(3)
                .rateTruncated(0.1)
                .seed(11)
                .build();
        connector = InProcessConnector.builder()
                .store(catalog.toBuilder().faults(faults).build())
                .stream("products")
                .pageSize(100)
                .option("retryBaseDelay", "50ms")
                .start();
        store = connector.store();
        connector.log().await(Pattern.compile("magento:products synced"), WAIT);
        published = TestKafka.read(connector.topic("products"), PRODUCTS - 2, WAIT, Duration.ofSeconds(2));
        dead = TestKafka.read(connector.deadLetterTopic(), 2, WAIT, Duration.ofSeconds(1));
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
        assertTrue(connector.log().count(Pattern.compile("total_count changed during the sync")) > 0, connector.log().text());
    }

    private static JsonNode deadLetter(Predicate<JsonNode> match) {
        return dead.stream().map(Records::json).filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("no such dead letter in " + dead.stream().map(ConsumerRecord::value).toList()));
    }
}
