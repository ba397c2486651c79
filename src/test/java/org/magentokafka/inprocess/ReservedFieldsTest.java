package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.TestKafka;

/**
 * What the pipeline says about a document travels out of band: a CMS page whose data carries fields named like
 * the connector's former in-band markers ({@code __magento_dead_letter}, {@code __magento_not_in_website}, as an
 * extension may add) is published as it is, and deletes no other key.
 */
class ReservedFieldsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void fieldsNamedLikeTheConnectorsMarkersArePublishedAsData() {
        String[] pages = new String[3];
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(5).build())
                .beforeStart(store -> {
                    List<String> ids = store.catalog().cmsPages().stream().map(p -> p.get("identifier").asText()).toList();
                    pages[0] = ids.get(0);
                    pages[1] = ids.get(1);
                    store.catalog().updateCmsPage(pages[0], p -> p.put("__magento_dead_letter", "an extension's flag"));
                    pages[2] = String.valueOf(store.catalog().cmsPages().get(2).get("id").asInt());
                    store.catalog().updateCmsPage(pages[1], p -> p.put("__magento_not_in_website", pages[2]));
                })
                .stream("cms-pages")
                .start()) {
            int count = connector.store().catalog().cmsPages().size();
            connector.log().await(Pattern.compile("magento:cms-pages synced " + count + " items"), WAIT);
            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("cms-pages"), count, WAIT, Duration.ofSeconds(2));
            Map<String, ConsumerRecord<String, String>> byKey = new TreeMap<>();
            records.forEach(r -> byKey.put(r.key(), r));
            assertEquals(count, byKey.size(), "every page published once: " + byKey.keySet());
            assertTrue(records.stream().allMatch(r -> r.value() != null), "no page deleted by another page's field");
            assertEquals(0, TestKafka.read(connector.deadLetterTopic(), 0, Duration.ofSeconds(3), Duration.ofSeconds(3)).size(),
                    "nothing dead-lettered");
        }
    }
}
