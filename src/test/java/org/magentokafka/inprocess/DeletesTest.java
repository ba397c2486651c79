package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.CloudEventRecords;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * A key that vanished from the store is asked for once more by its key before it is published as deleted (a page
 * shift must never become a false delete); then it is a deleted event followed by a tombstone, once.
 */
class DeletesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aProductGoneFromTheStoreIsConfirmedByItsSkuThenPublishedAsADeletedEventAndATombstone() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(120).storeCodes(List.of("default")).build())
                .stream("products")
                .pollInterval("500ms")
                .option("reconcileInterval", "1s")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 120 items"), WAIT);
            String gone = connector.store().catalog().products().get(7).get("sku").asText();
            connector.store().catalog().deleteProduct(gone);

            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 122, WAIT, Duration.ofSeconds(2));
            CloudEventRecords.assertEveryRecordConverts(records);
            assertEquals(122, records.size(), "the delete is two records, nothing else is published");
            // The key's records, in order on its partition: created, then the delete's two.
            List<ConsumerRecord<String, String>> delete = records.stream().filter(r -> r.key().equals(gone)).skip(1).toList();
            assertEquals(2, delete.size(), "a deleted event and a tombstone, once: " + delete);
            assertEquals(gone, delete.get(0).key());
            assertEquals("magento.product.deleted", Records.header(delete.get(0), "ce_type"));
            assertEquals(gone, Records.json(delete.get(0)).get("key").asText());
            assertEquals(gone, delete.get(1).key());
            assertNull(delete.get(1).value(), "then the tombstone, for compaction");

            List<LoggedRequest> confirmations = connector.store().requests().matching("/V1/products").stream()
                    .filter(r -> "sku".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][field]"))
                                 && "in".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]")))
                    .toList();
            assertTrue(confirmations.stream().anyMatch(r -> r.query().get("searchCriteria[filterGroups][0][filters][0][value]").contains(gone)),
                    "the store was asked for exactly the vanished SKU before the delete: " + confirmations);
        }
    }

    @Test
    void aSourceItemGoneFromAStreamWithoutTimestampsIsPublishedAsDeletedAfterTheNextFullPass() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(60).storeCodes(List.of("default")).build())
                .stream("source-items")
                .pollInterval("500ms")
                .start()) {
            int items = connector.store().catalog().sourceItems().size();
            connector.log().await(Pattern.compile("magento:source-items synced " + items + " items"), WAIT);
            var item = connector.store().catalog().sourceItems().get(3);
            String key = item.get("sku").asText() + "|" + item.get("source_code").asText();
            connector.store().catalog().deleteSourceItem(item.get("sku").asText(), item.get("source_code").asText());

            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("source-items"), items + 2, WAIT, Duration.ofSeconds(2));
            CloudEventRecords.assertEveryRecordConverts(records);
            assertEquals(items + 2, records.size(), "the delete is two records, nothing else is published");
            List<ConsumerRecord<String, String>> delete = records.stream().filter(r -> r.key().equals(key)).skip(1).toList();
            assertEquals(List.of(key, key), delete.stream().map(ConsumerRecord::key).toList(), "a deleted event and a tombstone, once");
            assertEquals("magento.source-item.deleted", Records.header(delete.get(0), "ce_type"));
        }
    }
}
