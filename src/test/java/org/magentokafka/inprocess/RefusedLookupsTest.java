package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;

/**
 * The products stream's own look-ups are optional parts too: an integration granted the products but not the
 * sources, the attributes or the categories publishes every product, with {@code inventory} and {@code categories}
 * null, values without option labels, each listed under {@code unknown} with the grant it lacks; and picks them up
 * once granted, without a restart.
 */
class RefusedLookupsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productsArePublishedWithoutTheRefusedPartsAndGetThemOnceGranted() {
        Set<String> granted = new HashSet<>(SandboxOptions.ALL_CATALOG_RESOURCES);
        granted.removeAll(List.of(AclResources.INVENTORY_SOURCE, AclResources.ATTRIBUTES, AclResources.CATEGORIES));
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(30).grantedResources(granted).build())
                .stream("products")
                .pollInterval("500ms")
                .option("metadataRefresh", "1s")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 30 items"), WAIT);
            Map<String, JsonNode> events = LatestEvents.readCloudEvents(connector.topic("products"), 30, WAIT, SETTLE);
            assertEquals(skus(connector), events.keySet(), "every product, although three look-ups are refused");
            for (JsonNode event : events.values()) {
                assertTrue(event.get("inventory").isNull() && event.get("categories").isNull(), event.toString());
                assertEquals(Map.of("inventory", "not granted: Magento_InventoryApi::source",
                                "labels", "not granted: Magento_Catalog::attributes_attributes",
                                "categories", "not granted: Magento_Catalog::categories"),
                        JSON.convertValue(event.get("unknown"), Map.class), event.toString());
            }
            assertEquals(1, connector.log().count(Pattern.compile("lacks Stores > Inventory > Sources")), "said once");

            connector.store().grant(AclResources.INVENTORY_SOURCE);
            connector.store().grant(AclResources.ATTRIBUTES);
            connector.store().grant(AclResources.CATEGORIES);
            long deadline = System.nanoTime() + WAIT.toNanos();
            do {
                events = LatestEvents.readCloudEvents(connector.topic("products"), 30, WAIT, SETTLE);
                assertTrue(System.nanoTime() < deadline, "not published again with the granted parts");
            } while (events.values().stream().anyMatch(e -> e.has("unknown")));
            for (JsonNode event : events.values()) {
                assertTrue(event.get("inventory").isObject() && event.get("categories").isArray(), event.toString());
            }
        }
    }

    private static Set<String> skus(InProcessConnector connector) {
        Set<String> skus = new TreeSet<>();
        connector.store().catalog().products().forEach(p -> skus.add(p.get("sku").asText()));
        return skus;
    }
}
