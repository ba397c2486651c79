package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.TestKafka;

/**
 * When nothing changed, a poll of a timestamped stream costs one request, and nothing is published; this holds from
 * the first poll after a full sync (the full sync counted the rows of the newest window).
 */
class IdleWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anIdlePollOfATimestampedStreamCostsOneRequest() throws Exception {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(500).storeCodes(List.of("default")).build())
                .stream("products")
                .stream("categories")
                .stream("cms-pages")
                .pollInterval("500ms")
                .start()) {
            SandboxStore store = connector.store();
            for (String stream : List.of("products", "categories", "cms-pages")) {
                connector.log().await(Pattern.compile("magento:" + stream + " synced"), WAIT);
            }
            connector.log().await(Pattern.compile("magento:products synced 500 items"), WAIT);
            Thread.sleep(1000); // the last full-sync pages of the other streams are acknowledged
            store.requests().clear();
            Thread.sleep(3000);
            for (String path : List.of("/V1/products", "/V1/categories/list", "/V1/cmsPage/search")) {
                List<LoggedRequest> requests = store.requests().matching(path);
                assertTrue(requests.size() >= 2, "polls kept going on " + path + ": " + requests.size());
                assertTrue(requests.stream().allMatch(r -> "1".equals(r.query().get("searchCriteria[currentPage]"))
                                                         && "gteq".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]"))),
                        "each idle poll of " + path + " is one incremental request for page 1: " + requests);
            }
            assertEquals(0, store.requests().matching("/V1/inventory/source-items").size(), "no look-ups for an idle poll");
            assertEquals(0, store.requests().all().stream().filter(r -> r.path().endsWith("/V1/products-render-info")
                    || r.path().contains("/V1/inventory/export-stock-salable-qty/") || r.filters("entity_id", "in")).count(),
                    "no storefront look-ups (render-info, salable quantities, children) for an idle poll");
            assertEquals(1, connector.log().count(Pattern.compile("magento:products synced")),
                    "the full sync counted the newest rows, so even the first idle poll after it stops at page 1: "
                    + connector.log().lines().stream().filter(l -> l.contains("synced")).toList());
            assertEquals(500, TestKafka.read(connector.topic("products"), 501, Duration.ofSeconds(3), Duration.ZERO).size(),
                    "nothing published again");
        }
    }
}
