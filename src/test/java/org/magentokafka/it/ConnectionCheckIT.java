package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;

/**
 * The one-shot connection check operators run to validate credentials before deploying. Issue 22: the core streams
 * are said apart from the optional parts of product events, and only a core stream that fails exits 1.
 */
class ConnectionCheckIT {

    private static final List<String> OPTIONAL_PARTS = List.of("store-configs", "websites", "stock-resolver", "salable-qty",
            "render-info", "stock-index", "orders", "credit-memos");

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
            // The storefront look-ups of the products stream, each asked once.
            assertTrue(out.matches("(?s).*store-configs\\s+GET /rest/default/V1/store/storeConfigs\\s+OK \\(store view default"
                                   + " in website 1, currency USD\\).*"), out);
            assertTrue(out.matches("(?s).*websites\\s+GET /rest/default/V1/store/websites\\s+OK \\(website 1 = base\\).*"), out);
            assertTrue(out.matches("(?s).*stock-resolver\\s+GET /rest/default/V1/inventory/stock-resolver/website/base\\s+OK\n.*"), out);
            assertTrue(out.matches("(?s).*salable-qty\\s+GET /rest/default/V1/inventory/export-stock-salable-qty/website/base\\s+OK\n.*"), out);
            assertTrue(out.matches("(?s).*render-info\\s+GET /rest/default/V1/products-render-info\\s+OK(\n.*)?"), out);
            // What brings stock in seconds: the stock index asked as every cycle asks it; order signals are opt-in.
            assertTrue(out.matches("(?s).*stock-index\\s+GET /rest/default/V1/inventory/dump-stock-index-data/website/base\\s+OK"
                                   + " \\(20 SKUs of website base in one answer.*"), out);
            assertTrue(out.matches("(?s).*orders\\s+GET /rest/default/V1/orders\\s+NOT ASKED: magento.stock.order-signals=false"
                                   + " \\(opt-in: an order reaches Kafka within a products poll with Sales > Operations > Orders >"
                                   + " Actions > View \\(Magento_Sales::actions_view\\)\\).*"), out);
            // Core streams first, Kafka last of them; then the optional parts, each group under its heading.
            List<String> core = names(section(out, "Core streams"));
            assertTrue(core.containsAll(List.of("products", "categories", "cms-pages", "source-items", "product-attributes"))
                       && core.get(core.size() - 1).equals("kafka") && core.stream().noneMatch(OPTIONAL_PARTS::contains), out);
            assertEquals(OPTIONAL_PARTS, names(section(out, "Optional parts")), out);
        }
    }

    @Test
    void aSetupGuideGrantPassesAndNamesWhatTheMissingGrantsWouldAdd() {
        // What setup guides tick: neither Stores > Settings > All Stores nor Stores > Inventory > Stocks.
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(20).grantedResources(SandboxOptions.SETUP_GUIDE_RESOURCES).build())
                .env("MAGENTO_CHECK_ONLY", "true")
                .start()) {
            SandboxStore store = environment.store();
            ConnectorProcess check = environment.start("check-setup-guide");
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), "optional parts never fail the check: " + check.output());
            String out = check.output();
            List<String> core = section(out, "Core streams");
            assertTrue(core.size() >= 6 && core.stream().allMatch(l -> l.matches("  \\S+\\s+(GET )?\\S+\\s+OK\\b.*")),
                    "every core stream works: " + out);
            List<String> optional = section(out, "Optional parts");
            String storeGrant = "OPTIONAL: not granted; grant Stores > Settings > All Stores (Magento_Backend::store) in System >"
                                + " Extensions > Integrations > API to add website scoping, displayable, prices and urls";
            String stockGrant = "OPTIONAL: not granted; grant Stores > Inventory > Stocks (Magento_InventoryApi::stock) in System >"
                                + " Extensions > Integrations > API to add salable quantities";
            for (String[] line : List.of(new String[] {"store-configs", storeGrant}, new String[] {"websites", storeGrant},
                    new String[] {"stock-resolver", stockGrant}, new String[] {"salable-qty", stockGrant})) {
                assertTrue(optional.stream().anyMatch(l -> l.matches("  " + line[0] + "\\s+GET \\S+\\s+" + Pattern.quote(line[1]))),
                        line[0] + ": " + out);
            }
            assertTrue(optional.stream().anyMatch(l -> l.matches("  render-info\\s+GET \\S+\\s+NOT ASKED: needs the store view's id.*")),
                    out);
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
    void aRefusedCoreStreamIsNamedAndExitsNonZero() {
        Set<String> granted = new HashSet<>(SandboxOptions.SETUP_GUIDE_RESOURCES);
        granted.removeAll(Set.of(AclResources.PRODUCTS, AclResources.CMS_PAGE));
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(20).grantedResources(granted).build())
                .start()) {
            ConnectorProcess check = environment.start("check-acl", "--check");
            assertEquals(1, check.awaitExit(Duration.ofSeconds(60)), check.output());
            String out = check.output();
            List<String> core = section(out, "Core streams");
            for (String[] line : List.of(new String[] {"products", AclResources.PRODUCTS}, new String[] {"cms-pages", AclResources.CMS_PAGE})) {
                assertTrue(core.stream().anyMatch(l -> l.matches("  " + line[0] + "\\s+GET \\S+\\s+ACL MISSING \\(" + Pattern.quote(line[1])
                                                                 + "\\) or credentials refused: grant " + Pattern.quote(line[1]) + ".*")), out);
            }
            assertTrue(core.stream().anyMatch(l -> l.matches("  categories\\s+GET \\S+\\s+OK.*")), "the others still work: " + out);
        }
    }

    @Test
    void aStoreWithoutInventoryModulesOrRenderInfoIsSaidAndPasses() {
        try (ConnectorEnvironment environment = checkOf(SandboxOptions.builder().productCount(5)
                .storefront(StorefrontOptions.defaults().withInventoryModules(false).withRenderInfo(false)).build()).start()) {
            ConnectorProcess check = environment.start("check-modules", "--check");
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), "missing modules are fallbacks, not failures: " + check.output());
            String out = check.output();
            List<String> optional = section(out, "Optional parts");
            for (String[] line : List.of(new String[] {"stock-resolver", "Magento_InventorySalesApi"},
                    new String[] {"salable-qty", "Magento_InventoryExportStockApi"})) {
                assertTrue(optional.stream().anyMatch(l -> l.matches("  " + line[0] + "\\s+GET \\S+\\s+" + Pattern.quote(
                        "OPTIONAL: no route (404): the store lacks the inventory (MSI) modules (" + line[1] + "); salable"
                        + " quantities fall back to source-item sums"))), out);
            }
            assertTrue(optional.stream().anyMatch(l -> l.matches("  render-info\\s+GET /rest/default/V1/products-render-info\\s+"
                    + Pattern.quote("OPTIONAL: no route (404): the store lacks Magento_Catalog's products-render-info; final prices"
                                    + " fall back to the special-price dates, URLs to catalog/product/view/id/{id}"))), out);
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

    /** The table's lines under the heading that starts with {@code heading}: the indented ones up to the next line that is not. */
    private static List<String> section(String out, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (in && !line.startsWith("  ")) {
                break;
            }
            if (in) {
                lines.add(line);
            }
            in = in || line.startsWith(heading);
        }
        assertTrue(!lines.isEmpty(), "no lines under '" + heading + "': " + out);
        return lines;
    }

    private static List<String> names(List<String> lines) {
        return lines.stream().map(l -> l.trim().split("\\s+")[0]).toList();
    }
}
