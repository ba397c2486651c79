package org.magentokafka.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.BearerAuthenticator;
import org.magentokafka.client.ClientMetrics;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.RetryPolicy;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.client.StoreGate;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.Scenario;
import org.magentokafka.sandbox.StorefrontOptions;

/** The check's lines for the optional parts of product events: said, never failing the check. */
class StorefrontProbeTest {

    private static final String STORE_GRANT = "OPTIONAL: not granted; grant Stores > Settings > All Stores (Magento_Backend::store)"
                                              + " in System > Extensions > Integrations > API to add website scoping, displayable,"
                                              + " prices and urls";
    private static final String STOCK_GRANT = "OPTIONAL: not granted; grant Stores > Inventory > Stocks (Magento_InventoryApi::stock)"
                                              + " in System > Extensions > Integrations > API to add salable quantities";

    private SandboxStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aSetupGuideGrantNamesBothMissingGrantsAsOptional() {
        Map<String, ConnectionProbe.Result> lines = probe(options().grantedResources(SandboxOptions.SETUP_GUIDE_RESOURCES));
        assertEquals(List.of("store-configs", "websites", "stock-resolver", "salable-qty", "render-info"), List.copyOf(lines.keySet()));
        assertEquals(STORE_GRANT, lines.get("store-configs").outcome());
        assertEquals(STORE_GRANT, lines.get("websites").outcome());
        assertEquals(STOCK_GRANT, lines.get("stock-resolver").outcome());
        assertEquals(STOCK_GRANT, lines.get("salable-qty").outcome());
        assertTrue(lines.values().stream().noneMatch(r -> r.core() || r.fails()), "optional parts never fail the check");
    }

    @Test
    void aStoreWithoutTheStoreRoutesNamesTheModule() {
        Map<String, ConnectionProbe.Result> lines = probe(options().storefront(StorefrontOptions.defaults().withStoreRoutes(false)));
        assertEquals("OPTIONAL: no route (404): the store lacks Magento_Store's web API routes; website scoping, displayable,"
                     + " prices and urls are left out", lines.get("store-configs").outcome());
        assertTrue(lines.values().stream().noneMatch(ConnectionProbe.Result::fails));
    }

    @Test
    void aTransientFailureIsAWarningWithItsReasonNotAFailure() {
        store = SandboxStore.start(options().build());
        store.setScenario(Scenario.MAINTENANCE_HTML_503);
        Map<String, ConnectionProbe.Result> lines = probe(null);
        String configs = lines.get("store-configs").outcome();
        assertTrue(configs.startsWith("WARN: HTML/WAF (status 503)") && configs.endsWith("(optional, adds website scoping,"
                                                                                         + " displayable, prices and urls)"), configs);
        assertTrue(lines.values().stream().noneMatch(ConnectionProbe.Result::fails));
    }

    private static SandboxOptions.Builder options() {
        return SandboxOptions.builder().productCount(5).storeCodes(List.of("default"));
    }

    /** @param options null: the store already started */
    private Map<String, ConnectionProbe.Result> probe(SandboxOptions.Builder options) {
        if (options != null) {
            store = SandboxStore.start(options.build());
        }
        MagentoClient client = new MagentoClient(new StoreAddress(store.baseUrl(), "/rest", "default"),
                new BearerAuthenticator(store.options().accessToken()), new StoreGate(2),
                new NetworkSettings(null, 0, null, null, "PKCS12").httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(30),
                new ObjectMapper(), new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(5)),
                new ClientMetrics(new SimpleMeterRegistry()));
        return StorefrontProbe.probe(client, "default", false).results().stream()
                .collect(Collectors.toMap(ConnectionProbe.Result::stream, r -> r, (a, b) -> b, LinkedHashMap::new));
    }
}
