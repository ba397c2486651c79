package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConfigurationGuardTest {

    private static final Set<String> KNOWN = Set.of("magento.page-size", "magento.base-url", "magento.auth.mode",
            "magento.streams.products.page-size", "magento.state.directory");

    @Test
    void typosNameTheClosestValidProperty() {
        List<String> lines = ConfigurationGuard.unknownSettings(KNOWN, List.of("magento.page_size", "magento.base-url", "quarkus.x", "magento.page.siz"),
                List.of("MAGENTO_PAGE_SIZ", "MAGENTO_BASE_URL", "MAGENTO_STATE_DIRECTORY", "PATH"));
        assertEquals(List.of(
                "Unknown setting magento.page_size is ignored: did you mean magento.page-size?",
                "Unknown setting MAGENTO_PAGE_SIZ (environment variable) is ignored: did you mean MAGENTO_PAGE_SIZE (magento.page-size)?"),
                lines);
    }

    @Test
    void validConfigurationPasses() {
        assertEquals(List.of(), ConfigurationGuard.validate(values(Map.of("magento.base-url", "https://shop.example.com"))));
    }

    @Test
    void theConnectorsKafkaSettingsAreCheckedUnderTheirNewNames() {
        List<String> problems = ConfigurationGuard.validate(values(Map.of("magento.base-url", "https://shop.example.com",
                "magento.kafka.compression", "snapy", "magento.kafka.topic.partitions", "0")));
        assertEquals(List.of("magento.kafka.compression='snapy' is not a Kafka compression: use none, gzip, lz4 or zstd"
                             + " (set by magento.kafka.compression or env MAGENTO_KAFKA_COMPRESSION)",
                "magento.kafka.topic.partitions=0 is out of range: use 1 to 100000 (set by magento.kafka.topic.partitions or env"
                + " MAGENTO_KAFKA_TOPIC_PARTITIONS)"), problems);
    }

    @Test
    void highAvailabilityWithTheFileStateStoreIsRefusedWithOneLine() {
        List<String> problems = ConfigurationGuard.validate(values(Map.of("magento.base-url", "https://shop.example.com",
                "magento.ha.enabled", "true")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("magento.state.store=file") && problems.get(0).contains("Fix: set magento.state.store=kafka")
                   && problems.get(0).contains("env MAGENTO_HA_ENABLED"), problems.get(0));
        assertEquals(List.of(), ConfigurationGuard.validate(values(Map.of("magento.base-url", "https://shop.example.com",
                "magento.ha.enabled", "true", "magento.state.store", "kafka"))));
    }

    @Test
    void oneLinePerInvalidValue() {
        List<String> problems = ConfigurationGuard.validate(values(Map.of("magento.page-size", "-1",
                "magento.base-url", "shop.example.com", "magento.auth.mode", "token", "magento.read-timeout", "-5s",
                "magento.paging", "offset")));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("magento.paging='offset' is not a paging mode")), problems.toString());
        assertTrue(problems.get(0).startsWith("magento.page-size=-1 is out of range: use 1 to 300"), problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.contains("magento.read-timeout='-5s' is not a duration")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("magento.auth.mode='token' is not a known mode")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("magento.base-url='shop.example.com' is not an http(s) URL")), problems.toString());
    }

    @Test
    void freshnessCyclesAndTheScanBudgetAreCheckedLikeTheOtherHealthSettings() {
        List<String> problems = ConfigurationGuard.validate(values(Map.of("magento.base-url", "https://shop.example.com",
                "magento.health.max-freshness-cycles", "0", "magento.scan-budget", "lots", "magento.scan-page-size", "500")));
        assertEquals(List.of("magento.health.max-freshness-cycles=0 is out of range: use 1 to 1000000 (set by"
                             + " magento.health.max-freshness-cycles or env MAGENTO_HEALTH_MAX_FRESHNESS_CYCLES)",
                "magento.scan-budget='lots' is not a number (set by magento.scan-budget or env MAGENTO_SCAN_BUDGET)",
                "magento.scan-page-size=500 is out of range: use 1 to 300 (Magento refuses pages over 300) (set by magento.scan-page-size or env"
                + " MAGENTO_SCAN_PAGE_SIZE)"), problems);
    }

    @Test
    void anonymousModeNeedsNoCredentials() {
        assertEquals(List.of(), ConfigurationGuard.validate(values(Map.of("magento.base-url", "https://shop.example.com",
                "magento.auth.mode", "none"))));
    }

    /** The packaged defaults (streams inherit the global page size and poll interval) plus overrides. */
    private static ConfigurationGuard.Values values(Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(Map.of("magento.page-size", "100", "magento.poll-interval", "1m",
                "magento.auth.mode", "bearer", "magento.auth.signature-method", "HMAC-SHA256", "magento.rest-path", "/rest",
                "magento.store-codes", "default", "magento.read-timeout", "60s"));
        raw.putAll(overrides);
        return name -> {
            if (name.startsWith("magento.streams.") && (name.endsWith("page-size") || name.endsWith("poll-interval"))) {
                String global = name.endsWith("page-size") ? "magento.page-size" : "magento.poll-interval";
                return ConfigValue.builder().withName(name).withValue(raw.get(global)).withRawValue("${" + global + "}").build();
            }
            return ConfigValue.builder().withName(name).withValue(raw.get(name)).withRawValue(raw.get(name)).build();
        };
    }
}
