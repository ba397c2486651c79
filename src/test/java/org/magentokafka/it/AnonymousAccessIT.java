package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.SandboxCredentials;
import org.magentokafka.testing.TestKafka;

/**
 * magento.auth.mode=none against a store with Magento's Allow Anonymous Guest Access on and off: products arrive
 * without any credential when the store serves them to guests, and the connection check says, per stream, whether
 * the store serves it anonymously and what to change when it does not.
 */
class AnonymousAccessIT {

    private static final int PRODUCTS = 30;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void productsArriveWithoutCredentialsWhenTheStoreAllowsGuests() {
        try (SandboxStore store = SandboxStore.start(options(true))) {
            String topic = TestKafka.uniqueTopic("anonymous");
            Map<String, String> env = env(store);
            env.putAll(SandboxCredentials.productsOnly());
            env.put("MAGENTO_STREAMS_PRODUCTS_TOPIC", topic);
            try (ConnectorProcess connector = ConnectorProcess.start("anonymous-products", env)) {
                connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items"), WAIT);
                List<ConsumerRecord<String, String>> records = TestKafka.readAtLeast(topic, PRODUCTS, WAIT);
                Map<String, ConsumerRecord<String, String>> latest = Records.latestByKey(records);
                assertEquals(PRODUCTS, latest.size());
                List<JsonNode> events = latest.values().stream().map(Records::json).toList();
                assertTrue(events.stream().allMatch(e -> e.get("inventory").isNull()),
                        "a guest is never shown stock: unknown, not zero: " + events.get(0));
                assertTrue(events.stream().anyMatch(e -> !e.get("categories").isEmpty()),
                        "the category tree is served to guests, so category paths are there: " + events.get(0));
                assertTrue(store.requests().all().stream().allMatch(r -> r.header("authorization") == null),
                        "no Authorization header is ever sent");
                assertTrue(store.requests().matching("/V1/inventory/source-items").isEmpty()
                           && store.requests().matching("/V1/products/attributes").isEmpty(),
                        "look-ups Magento never serves to guests are not sent");
            }
        }
    }

    @Test
    void theCheckSaysWhichStreamsGuestsGetAndWhatToChangeForTheOthers() {
        try (SandboxStore store = SandboxStore.start(options(true))) {
            String out = check("anonymous-check-on", store);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK \\(" + PRODUCTS + " items, served to guests\\).*"), out);
            for (String[] refused : List.of(new String[] {"categories", "Magento_Catalog::categories"},
                    new String[] {"cms-pages", "Magento_Cms::page"}, new String[] {"source-items", "Magento_InventoryApi::source"},
                    new String[] {"product-attributes", "Magento_Catalog::attributes_attributes"})) {
                assertTrue(out.matches("(?s).*" + refused[0] + "\\s+GET \\S+\\s+NEVER SERVED TO GUESTS \\(Magento requires "
                                       + Pattern.quote(refused[1]) + "\\).*magento.streams." + refused[0] + ".enabled=false.*"), out);
            }
        }
    }

    @Test
    void theCheckNamesTheAllowAnonymousGuestAccessSettingWhenItIsOff() {
        try (SandboxStore store = SandboxStore.start(options(false))) {
            String out = check("anonymous-check-off", store);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+NOT SERVED TO GUESTS: set Allow Anonymous"
                                   + " Guest Access = Yes.*"), out);
        }
    }

    private static String check(String name, SandboxStore store) {
        ConnectorProcess check = ConnectorProcess.start(name, env(store), line -> {
        }, "--check");
        assertEquals(1, check.awaitExit(WAIT), check.output());
        return check.output();
    }

    private static SandboxOptions options(boolean anonymousGuestAccess) {
        return SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default"))
                .anonymousGuestAccess(anonymousGuestAccess).build();
    }

    private static Map<String, String> env(SandboxStore store) {
        Map<String, String> env = new HashMap<>(SandboxCredentials.anonymous());
        env.putAll(Map.of("MAGENTO_BASE_URL", store.baseUrl(), "MAGENTO_STORE_CODES", "default",
                "MAGENTO_POLL_INTERVAL", "500ms", "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
        return env;
    }
}
