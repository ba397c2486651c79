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
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.SyncPages;
import org.magentokafka.testing.TestKafka;

/** A full sync reads page after page over total_count: every product once, never a page past the last one. */
class PageNumberPagingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aFullSyncReadsEveryPageUpToTheLastOneOverTotalCountAndNeverPastIt() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(250).storeCodes(List.of("default")).build())
                .stream("products")
                .pageSize(100)
                .option("maxConcurrency", 4)
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 250 items in 3 pages"), WAIT);
            List<ConsumerRecord<String, String>> records = TestKafka.read(connector.topic("products"), 250, WAIT, Duration.ofSeconds(1));
            Set<String> skus = connector.store().catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet());
            assertEquals(skus, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
            assertEquals(250, records.size(), "each product once");

            List<LoggedRequest> pages = SyncPages.of(connector.store(), "/V1/products");
            List<Integer> asked = pages.stream().map(SyncPages::pageNumber).sorted().toList();
            assertEquals(List.of(1, 2, 3), asked, "pages 1 to 3 of 250 items, each once, none past the last: " + asked);
            assertTrue(pages.stream().allMatch(r -> "GET".equals(r.method())));
        }
    }
}
