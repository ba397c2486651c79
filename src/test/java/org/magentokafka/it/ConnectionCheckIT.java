package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
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
            // The storefront look-ups of the products stream (issue 14), each asked once.
            assertTrue(out.matches("(?s).*store-configs\\s+GET /rest/default/V1/store/storeConfigs\\s+OK \\(store view default"
                                   + " in website 1, currency USD\\).*"), out);
            assertTrue(out.matches("(?s).*websites\\s+GET /rest/default/V1/store/websites\\s+OK \\(website 1 = base\\).*"), out);
            assertTrue(out.matches("(?s).*stock-resolver\\s+GET /rest/default/V1/inventory/stock-resolver/website/base\\s+OK\n.*"), out);
            assertTrue(out.matches("(?s).*salable-qty\\s+GET /rest/default/V1/inventory/export-stock-salable-qty/website/base\\s+OK\n.*"), out);
            assertTrue(out.matches("(?s).*render-info\\s+GET /rest/default/V1/products-render-info\\s+OK\n.*"), out);
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
            // One line per missing grant of the storefront look-ups, each naming the resource to grant.
            for (String[] line : List.of(new String[] {"store-configs", "Magento_Backend::store"},
                    new String[] {"websites", "Magento_Backend::store"}, new String[] {"stock-resolver", "Magento_InventoryApi::stock"},
                    new String[] {"salable-qty", "Magento_InventoryApi::stock"})) {
                assertTrue(out.matches("(?s).*" + line[0] + "\\s+GET \\S+\\s+ACL MISSING \\(" + Pattern.quote(line[1])
                                       + "\\) or credentials refused: grant " + Pattern.quote(line[1]) + ".*"), out);
            }
            assertTrue(out.matches("(?s).*products\\s+GET /rest/default/V1/products\\s+OK.*"), out);
            assertTrue(store.requests().all().stream().allMatch(r -> "GET".equals(r.method())), "read-only towards the store");
            assertTrue(store.requests().all().stream().filter(r -> r.query().keySet().stream().anyMatch(k -> k.startsWith("searchCriteria")))
                            .allMatch(r -> "1".equals(r.query().get("searchCriteria[pageSize]"))),
                    "the check asks for one item per search endpoint");
            assertTrue(store.requests().all().stream().filter(r -> r.query().get("searchCriteria[pageSize]") == null)
                            .allMatch(r -> r.path().matches(".*/V1/(store/storeConfigs|store/websites|inventory/stock-resolver/website/\\w+)")),
                    "the others are the store scope's three small answers: " + store.requests().all());
        }
    }

    @Test
    void aStoreWithoutInventoryModulesOrRenderInfoIsSaidAndPasses() {
        try (ConnectorEnvironment environment = checkOf(SandboxOptions.builder().productCount(5)
                .storefront(StorefrontOptions.defaults().withInventoryModules(false).withRenderInfo(false)).build()).start()) {
            ConnectorProcess check = environment.start("check-modules", "--check");
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), "missing modules are fallbacks, not failures: " + check.output());
            String out = check.output();
            assertTrue(out.matches("(?s).*stock-resolver\\s+GET \\S+\\s+NO INVENTORY MODULES \\(404\\): salable quantities fall back"
                                   + " to source-item sums.*"), out);
            assertTrue(out.matches("(?s).*salable-qty\\s+GET \\S+\\s+NO INVENTORY MODULES \\(404\\).*"), out);
            assertTrue(out.matches("(?s).*render-info\\s+GET /rest/default/V1/products-render-info\\s+NOT AVAILABLE \\(404\\):"
                                   + " final prices from the special-price dates, URLs catalog/product/view/id/\\{id\\}.*"), out);
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
