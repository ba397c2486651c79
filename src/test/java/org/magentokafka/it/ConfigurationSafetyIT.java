package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;

/**
 * The packaged app refuses invalid values before starting anything, with one ERROR line per value and no stack
 * trace, exiting with status 1; a typo in a setting's name is one WARN line naming the closest valid name.
 */
class ConfigurationSafetyIT {

    private static final Duration EXIT = Duration.ofSeconds(60);

    @AutoClose
    private static ConnectorEnvironment environment;

    /** A broker nobody listens on: nothing here may get as far as Kafka. */
    @BeforeAll
    static void start() {
        environment = ConnectorEnvironment.builder().store(SandboxOptions.builder().productCount(1).build())
                .bootstrapServers("127.0.0.1:1").start();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "MAGENTO_PAGE_SIZE|-1|magento.page-size=-1 is out of range: use 1 to 300",
            "MAGENTO_PAGE_SIZE|301|magento.page-size=301 is out of range: use 1 to 300",
            "MAGENTO_BASE_URL|shop.example.com|magento.base-url='shop.example.com' is not an http(s) URL",
            "MAGENTO_AUTH_MODE|token|magento.auth.mode='token' is not a known mode: use one of bearer, oauth1, admin, handshake",
            "MAGENTO_PAGING|offset|magento.paging='offset' is not a paging mode: use page-number",
            "MAGENTO_READ_TIMEOUT|ten seconds|magento.read-timeout='ten seconds' is not a duration",
            "MAGENTO_STREAMS_CATEGORIES_POLL_INTERVAL|-5m|magento.streams.categories.poll-interval='-5m' is not a duration"})
    void anInvalidValueStopsTheStartWithOneLine(String env, String value, String message) throws Exception {
        try (ConnectorProcess connector = environment.start("invalid-" + env.toLowerCase(), Map.of(env, value))) {
            int status = exitStatus(connector);
            assertNotEquals(0, status, "the process exits with an error status");
            List<String> errors = connector.lines().stream().filter(l -> l.contains("ERROR")).toList();
            assertEquals(1, errors.size(), "one ERROR line:\n" + connector.output());
            assertTrue(errors.get(0).contains("Invalid configuration, not starting: " + message), errors.get(0));
            assertTrue(errors.get(0).contains(env), "names the environment variable: " + errors.get(0));
            assertFalse(connector.output().contains("\tat "), "no stack trace:\n" + connector.output());
            assertFalse(connector.output().contains("Apache Camel 4"), "Camel never started:\n" + connector.output());
        }
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() throws Exception {
        try (ConnectorProcess connector = environment.start("invalid-two", Map.of("MAGENTO_PAGE_SIZE", "0", "MAGENTO_AUTH_MODE", "basic"))) {
            assertNotEquals(0, exitStatus(connector));
            assertEquals(2, connector.count(Pattern.compile("ERROR .*Invalid configuration")), connector.output());
            assertFalse(connector.output().contains("\tat "), connector.output());
        }
    }

    @Test
    void aTypoIsOneWarningWithTheClosestName() {
        Map<String, String> settings = new HashMap<>();
        settings.put("MAGENTO_PAGE_SIZ", "50");
        settings.put("MAGENTO_STREAMS_PRODUCTS_ENABLED", "false");
        settings.put("MAGENTO_STREAMS_CATEGORIES_ENABLED", "false");
        settings.put("MAGENTO_STREAMS_CMS_PAGES_ENABLED", "false");
        settings.put("MAGENTO_STREAMS_SOURCE_ITEMS_ENABLED", "false");
        settings.put("MAGENTO_STREAMS_PRODUCT_ATTRIBUTES_ENABLED", "false");
        try (ConnectorProcess connector = environment.start("typo", settings)) {
            String line = connector.awaitLine(Pattern.compile("Unknown setting MAGENTO_PAGE_SIZ "), EXIT);
            assertTrue(line.contains("WARN"), line);
            assertTrue(line.contains("did you mean MAGENTO_PAGE_SIZE (magento.page-size)?"), line);
            connector.awaitLine(Pattern.compile("Apache Camel .* started"), EXIT);
            assertEquals(1, connector.count(Pattern.compile("Unknown setting")), "nothing else is flagged:\n" + connector.output());
        }
    }

    private static int exitStatus(ConnectorProcess connector) throws InterruptedException {
        long deadline = System.nanoTime() + EXIT.toNanos();
        while (connector.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(connector.isAlive(), "the connector should have exited:\n" + connector.output());
        return connector.stop();
    }
}
