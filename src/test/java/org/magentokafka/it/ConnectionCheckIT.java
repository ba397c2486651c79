package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;

/** The one-shot connection check operators run to validate credentials before deploying. */
class ConnectionCheckIT {

    @Test
    void allEndpointsReachableAndAuthorizedExitsZero() {
        // The shared fixture turns the budget off (tests want fast scans); the check is shown at the shipped default.
        try (ConnectorEnvironment environment = checkOf(SandboxOptions.builder().productCount(20).build())
                .env("MAGENTO_SCAN_BUDGET", "0.2").start()) {
            SandboxStore store = environment.store();
            ConnectorProcess check = environment.start("check-ok", "--check");
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), check.output());
            String out = check.output();
            assertTrue(out.contains("Connection check of " + store.baseUrl()), out);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK \\(20 items\\).*"), out);
            assertTrue(out.matches("(?s).*cms-pages\\s+GET /rest/default/V1/cmsPage/search\\s+OK.*"), out);
            // 1 page of each scan, the budget (0.2 req/s by default) shared by the 2 scan streams and the 3 reconcile sweeps.
            assertTrue(out.matches("(?s).*source-items\\s+GET /rest/default/V1/inventory/source-items\\s+OK \\(\\d+ items\\); one scan"
                                   + " cycle ~25 s at magento.scan-budget=0.2 req/s \\(1 page of 300, shared by 5 scans: 2 of scan"
                                   + " streams, 3 reconcile sweeps\\).*"), out);
            assertTrue(out.matches("(?s).*product-attributes\\s+GET \\S+\\s+OK \\(\\d+ items\\); one scan cycle ~25 s.*"), out);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK \\(20 items\\)\n.*"),
                    "a timestamped stream has no scan cycle: " + out);
        }
    }

    @Test
    void aMissingAclResourceIsNamedPerEndpointAndExitsNonZero() {
        Set<String> granted = Set.of("Magento_Catalog::products", "Magento_Catalog::categories", "Magento_InventoryApi::source",
                "Magento_Catalog::attributes_attributes");
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(20).grantedResources(granted).build())
                .env("MAGENTO_CHECK_ONLY", "true")
                .start()) {
            SandboxStore store = environment.store();
            ConnectorProcess check = environment.start("check-acl");
            assertEquals(1, check.awaitExit(Duration.ofSeconds(60)), check.output());
            String out = check.output();
            assertTrue(out.contains("ACL MISSING (Magento_Cms::page)"), out);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK.*"), out);
            assertTrue(store.requests().all().stream().allMatch(r -> "GET".equals(r.method())), "read-only towards the store");
            assertTrue(store.requests().all().stream().allMatch(r -> "1".equals(r.query().get("searchCriteria[pageSize]"))),
                    "the check asks for one item per endpoint");
        }
    }

    @Test
    void anUnreachableStoreIsSaidPerEndpoint() {
        try (ConnectorEnvironment environment = checkOf(SandboxOptions.builder().productCount(1).build())
                .env("MAGENTO_RETRY_MAX_RETRIES", "0")
                .start()) {
            environment.store().close();
            ConnectorProcess check = environment.start("check-down", "--check");
            assertEquals(1, check.awaitExit(Duration.ofSeconds(60)), check.output());
            assertTrue(check.output().contains("UNREACHABLE"), check.output());
        }
    }

    private static ConnectorEnvironment.Builder checkOf(SandboxOptions store) {
        return ConnectorEnvironment.builder().store(store).env("MAGENTO_STORE_CODES", "default");
    }
}
