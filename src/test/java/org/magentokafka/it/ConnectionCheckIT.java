package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.TestKafka;

/** The one-shot connection check operators run to validate credentials before deploying. */
class ConnectionCheckIT {

    @Test
    void allEndpointsReachableAndAuthorizedExitsZero() {
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(20).build())) {
            ConnectorProcess check = ConnectorProcess.start("check-ok", env(store), line -> {
            }, "--check");
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), check.output());
            String out = check.output();
            assertTrue(out.contains("Connection check of " + store.baseUrl()), out);
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK \\(20 items\\).*"), out);
            assertTrue(out.matches("(?s).*cms-pages\\s+GET /rest/default/V1/cmsPage/search\\s+OK.*"), out);
        }
    }

    @Test
    void aMissingAclResourceIsNamedPerEndpointAndExitsNonZero() {
        Set<String> granted = Set.of("Magento_Catalog::products", "Magento_Catalog::categories", "Magento_InventoryApi::source",
                "Magento_Catalog::attributes_attributes");
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(20).grantedResources(granted).build())) {
            ConnectorProcess check = ConnectorProcess.start("check-acl", Map.of(
                    "MAGENTO_BASE_URL", store.baseUrl(), "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken(),
                    "MAGENTO_CHECK_ONLY", "true", "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()));
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
        SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(1).build());
        store.close();
        Map<String, String> env = new java.util.HashMap<>(env(store));
        env.put("MAGENTO_RETRY_MAX_RETRIES", "0");
        ConnectorProcess check = ConnectorProcess.start("check-down", env, line -> {
        }, "--check");
        assertEquals(1, check.awaitExit(Duration.ofSeconds(60)), check.output());
        assertTrue(check.output().contains("UNREACHABLE"), check.output());
    }

    private static Map<String, String> env(SandboxStore store) {
        return Map.of("MAGENTO_BASE_URL", store.baseUrl(), "MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken(),
                "MAGENTO_STORE_CODES", "default", "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
    }
}
