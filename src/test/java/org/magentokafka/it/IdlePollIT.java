package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;

/**
 * When nothing changed, a poll of a timestamped stream costs one request, and nothing is published; this holds from
 * the first poll after a full sync.
 */
class IdlePollIT {

    @Test
    void anIdlePollOfATimestampedStreamCostsOneRequest() throws Exception {
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(500).storeCodes(List.of("default")).build())) {
            String topic = TestKafka.uniqueTopic("idle");
            Map<String, String> env = new HashMap<>(Map.of(
                    "MAGENTO_BASE_URL", store.baseUrl(),
                    "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken(),
                    "MAGENTO_POLL_INTERVAL", "1s",
                    "MAGENTO_STREAMS_PRODUCTS_TOPIC", topic,
                    "MAGENTO_STREAMS_SOURCE_ITEMS_ENABLED", "false",
                    "MAGENTO_STREAMS_PRODUCT_ATTRIBUTES_ENABLED", "false",
                    "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
            env.put("MAGENTO_STREAMS_CATEGORIES_TOPIC", TestKafka.uniqueTopic("idle-categories"));
            env.put("MAGENTO_STREAMS_CMS_PAGES_TOPIC", TestKafka.uniqueTopic("idle-cms"));
            try (ConnectorProcess connector = ConnectorProcess.start("idle-poll", env)) {
                connector.awaitLine(Pattern.compile("magento:products synced 500 items"), Duration.ofSeconds(60));
                Thread.sleep(4000); // the other streams finish their full syncs
                store.requests().clear();
                Thread.sleep(5000);
                for (String path : List.of("/V1/products", "/V1/categories/list", "/V1/cmsPage/search")) {
                    List<LoggedRequest> requests = store.requests().matching(path);
                    assertTrue(requests.size() >= 2, "polls kept going on " + path + ": " + requests.size());
                    assertTrue(requests.stream().allMatch(r -> "1".equals(r.query().get("searchCriteria[currentPage]"))
                                                             && "gteq".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]"))),
                            "each idle poll of " + path + " is one incremental request for page 1: " + requests);
                }
                assertEquals(0, store.requests().matching("/V1/inventory/source-items").size(), "no look-ups for an idle poll");
                assertEquals(1, connector.count(Pattern.compile("magento:products synced")),
                        "the full sync counted the newest rows, so even the first idle poll after it stops at page 1: "
                        + connector.lines().stream().filter(l -> l.contains("synced")).toList());
                assertEquals(500, TestKafka.read(topic, 501, Duration.ofSeconds(5), Duration.ZERO).size(), "nothing published again");
            }
        }
    }
}
