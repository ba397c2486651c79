package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.Faults;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * The connector killed (SIGKILL) or stopped (SIGTERM) in the middle of a sync, then started again on the same
 * state: the compacted topic converges to the store, no event is lost, and duplicates stay within the one
 * page that was not acknowledged (none after SIGTERM).
 */
class CrashAndShutdownIT {

    private static final int PRODUCTS = 2000;
    private static final int PAGE_SIZE = 100;

    @Test
    void aKillMidSyncLosesNothingAndRepeatsAtMostTheUnacknowledgedPage() {
        run("sigkill", true);
    }

    @Test
    void aStopMidSyncFinishesThePageAndARestartRepeatsNothing() {
        run("sigterm", false);
    }

    private void run(String name, boolean kill) {
        Faults slow = Faults.builder().latencyMillis(60).build();
        Path state = Path.of("target/it-state/" + name + "-" + System.nanoTime()).toAbsolutePath();
        // The second connector resumes from the first one's state, on the same topic.
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).faults(slow).build())
                .topic("products", name)
                .otherStreamsDisabled()
                .env("MAGENTO_PAGE_SIZE", String.valueOf(PAGE_SIZE))
                .env("MAGENTO_MAX_CONCURRENCY", "2")
                .env("MAGENTO_STATE_DIRECTORY", state.toString())
                .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            ConnectorProcess first = environment.start(name + "-first");
            int before = TestKafka.read(topic, PRODUCTS / 4, Duration.ofSeconds(60), Duration.ZERO).size();
            assertTrue(before >= PRODUCTS / 4 && before < PRODUCTS, "stopped in the middle of the sync: " + before);
            if (kill) {
                first.kill();
            } else {
                int exit = first.stop();
                assertTrue(exit == 0 || exit == 143, "a clean stop, exit " + exit);
            }

            ConnectorProcess second = environment.start(name + "-second");
            second.awaitLine(Pattern.compile("magento:products synced"), Duration.ofSeconds(90));
            List<ConsumerRecord<String, String>> records = TestKafka.read(topic, PRODUCTS, Duration.ofSeconds(30), Duration.ofSeconds(3));
            Map<String, ConsumerRecord<String, String>> latest = Records.latestByKey(records);
            Set<String> expected = store.catalog().products().stream().map(p -> p.get("sku").asText()).collect(Collectors.toSet());
            assertEquals(expected, latest.keySet(), "the topic converges to the store: nothing lost");
            for (var product : store.catalog().products()) {
                JsonNode published = Records.json(latest.get(product.get("sku").asText())).get("product");
                assertEquals(product.get("updated_at").asText(), published.get("updated_at").asText());
            }
            int duplicates = records.size() - latest.size();
            if (kill) {
                assertTrue(duplicates <= PAGE_SIZE, "duplicates " + duplicates + " exceed the unacknowledged page");
            } else {
                assertEquals(0, duplicates, "a clean stop commits what it delivered");
            }
        }
    }
}
