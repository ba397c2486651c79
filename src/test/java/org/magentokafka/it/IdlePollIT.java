package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;

/**
 * When nothing changed, a poll of a timestamped stream costs one request, and nothing is published; this holds from
 * the first poll after a full sync.
 */
class IdlePollIT {

    @Test
    void anIdlePollOfATimestampedStreamCostsOneRequest() throws Exception {
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(500).storeCodes(List.of("default")).build())
                .topic("products", "idle")
                .topic("categories", "idle-categories")
                .topic("cms-pages", "idle-cms")
                .otherStreamsDisabled()
                .pollInterval("1s")
                .start()) {
            SandboxStore store = environment.store();
            String topic = environment.topic("products");
            ConnectorProcess connector = environment.start("idle-poll");
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
