package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.Scenario;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;

/**
 * The errors a newcomer meets (wrong URL, bad token, a WAF or maintenance page, an empty catalog, a store that
 * is down): each is one clear log line with the fix, without a stack trace, and the connector keeps polling.
 */
class NewcomerErrorsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SYNCED = Pattern.compile("magento:products synced 50 items");

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private ConnectorProcess connector;

    @BeforeAll
    static void startStore() {
        // Only the products stream polls here, so each error is met once per poll (also proves the dashed names).
        environment = ConnectorEnvironment.builder().store(SandboxOptions.builder().productCount(50).build())
                .pollInterval("300ms")
                .env(Map.of("MAGENTO_ERROR_BACKOFF_MAX", "1s",
                        "MAGENTO_RETRY_MAX_RETRIES", "1",
                        "MAGENTO_RETRY_BASE_DELAY", "100ms"))
                .topic("products", "errors").otherStreamsDisabled().start();
        store = environment.store();
    }

    @BeforeEach
    void normal() {
        store.setScenario(Scenario.NORMAL);
        store.requests().clear();
    }

    @AfterEach
    void stopConnector() {
        if (connector != null) {
            connector.close();
        }
        store.setScenario(Scenario.NORMAL);
    }

    @Test
    void anUnreachableStoreIsOneLineAndPollingResumesWhenItIsBack() {
        store.stop();
        try {
            connector = start("unreachable", Map.of());
            String line = connector.awaitLine(Pattern.compile("could not connect to"), WAIT);
            assertTrue(line.contains(store.baseUrl()) && line.contains("the store is unreachable")
                       && line.contains("Check magento.base-url"), line);
            awaitRepeated("could not connect to");
        } finally {
            store.restart();
        }
        connector.awaitLine(SYNCED, WAIT);
        connector.awaitLine(Pattern.compile("recovered after \\d+ failed poll"), WAIT);
        assertNoStackTraces();
    }

    @Test
    void aWrongRestPathIsA404NamingTheIndexPhpFix() {
        connector = start("not-found", Map.of("MAGENTO_REST_PATH", "/api/rest"));
        String line = connector.awaitLine(Pattern.compile("poll failed: .*404"), WAIT);
        assertTrue(line.contains("GET /api/rest/default/V1/products"), line);
        assertTrue(line.contains("magento.rest-path=/index.php/rest"), line);
        awaitRepeated("404");
        assertNoStackTraces();
    }

    @Test
    void aBadTokenIsA401NamingTheResourceAndEveryCause() {
        connector = start("bad-token", Map.of("MAGENTO_AUTH_ACCESS_TOKEN", "not-the-token"));
        String line = connector.awaitLine(Pattern.compile("poll failed: .*answered 401"), WAIT);
        assertTrue(line.contains("The consumer isn't authorized to access Magento_Catalog::products."), line);
        assertTrue(line.contains("invalid or expired"), line);
        assertTrue(line.contains("lacks the ACL resource Magento_Catalog::products"), line);
        assertTrue(line.contains("2.4.4"), line);
        assertTrue(!line.contains("not-the-token"), "the token never appears in the log");
        awaitRepeated("answered 401");
        assertNoStackTraces();
        assertTrue(!connector.output().contains("not-the-token"), "the token never appears in the log");
    }

    @Test
    void htmlInsteadOfJsonIsRecognisedAndPollingResumes() {
        store.setScenario(Scenario.MAINTENANCE_HTML_503);
        connector = start("html", Map.of());
        String line = connector.awaitLine(Pattern.compile("poll failed: .*returned HTML instead of JSON"), WAIT);
        assertTrue(line.contains("status 503"), line);
        awaitRepeated("returned HTML instead of JSON");
        store.setScenario(Scenario.NORMAL);
        connector.awaitLine(SYNCED, WAIT);
        assertNoStackTraces();
    }

    @Test
    void aWafPageSaysToAllowListTheConnector() {
        store.setScenario(Scenario.WAF_HTML_403);
        connector = start("waf", Map.of());
        String line = connector.awaitLine(Pattern.compile("poll failed: .*returned HTML instead of JSON"), WAIT);
        assertTrue(line.contains("status 403") && line.contains("WAF") && line.contains("allow-list"), line);
        assertNoStackTraces();
    }

    @Test
    void anEmptyCatalogIsSaidOnceAndPollingContinues() {
        store.setScenario(Scenario.EMPTY_CATALOG);
        connector = start("empty", Map.of());
        String line = connector.awaitLine(Pattern.compile("returned total_count=0"), WAIT);
        assertTrue(line.contains("GET /rest/default/V1/products") && line.contains("store view 'default'"), line);
        int before = store.requests().matching("/V1/products").size();
        awaitRequestsBeyond(before + 3);
        assertEquals(1, connector.count(Pattern.compile("returned total_count=0")), "said once, not per poll");
        store.setScenario(Scenario.NORMAL);
        connector.awaitLine(SYNCED, WAIT);
        assertNoStackTraces();
    }

    private ConnectorProcess start(String name, Map<String, String> overrides) {
        return environment.start("errors-" + name, overrides);
    }

    @Test
    void anIntegrationWithoutTheStoreGrantPublishesItsProductsAndNamesTheGrantOnce() {
        Set<String> granted = new HashSet<>(SandboxOptions.ALL_CATALOG_RESOURCES);
        granted.remove("Magento_Backend::store");
        try (ConnectorEnvironment ungranted = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(5).grantedResources(granted).build())
                .pollInterval("300ms").env(Map.of("MAGENTO_ERROR_BACKOFF_MAX", "1s"))
                .topic("products", "ungranted").otherStreamsDisabled().start()) {
            connector = ungranted.start("store-grant-missing");
            connector.awaitLine(Pattern.compile("magento:products synced 5 items"), WAIT);
            String line = connector.awaitLine(Pattern.compile("the integration lacks Stores > Settings > All Stores"), WAIT);
            assertTrue(line.contains("(Magento_Backend::store)") && line.contains("website, displayable"), line);
            assertTrue(line.contains("Fix: grant Stores > Settings > All Stores (Magento_Backend::store)"), line);
            // Several more polls, each asking for changed products: the line is not repeated.
            int before = ungranted.store().requests().matching("/V1/products").size();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ungranted.store().requests().matching("/V1/products").size() < before + 3) {
                assertTrue(System.nanoTime() < deadline, "polling stopped:\n" + connector.output());
                sleep();
            }
            assertEquals(1, connector.count(Pattern.compile("lacks Stores > Settings > All Stores")), "said once, not per poll");
            assertEquals(0, connector.count(Pattern.compile("poll failed")), connector.output());
            assertNoStackTraces();
            connector.close();
            connector = null;
        }
    }

    /** Polling continues: the same failure is met again on later polls. */
    private void awaitRepeated(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (connector.count(Pattern.compile(Pattern.quote(text))) < 3) {
            assertTrue(System.nanoTime() < deadline, "polling stopped after the failure:\n" + connector.output());
            sleep();
        }
    }

    private void awaitRequestsBeyond(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.requests().matching("/V1/products").size() < count) {
            assertTrue(System.nanoTime() < deadline, "polling stopped:\n" + connector.output());
            sleep();
        }
    }

    private void assertNoStackTraces() {
        assertTrue(connector.lines().stream().noneMatch(l -> l.startsWith("\tat ") || l.matches("^\\s+at [\\w.$]+\\(.*")),
                "no stack trace in the log:\n" + connector.output());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
