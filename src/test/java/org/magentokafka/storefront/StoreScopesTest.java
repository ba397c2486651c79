package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.AnonymousAuthenticator;
import org.magentokafka.auth.Authenticator;
import org.magentokafka.auth.BearerAuthenticator;
import org.magentokafka.client.ClientMetrics;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.client.RetryPolicy;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.client.StoreGate;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.sandbox.AclResources;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.Scenario;
import org.magentokafka.sandbox.StorefrontOptions;

/** A store view's website, stock and base URLs read over real HTTP from the simulator, and the refusals said. */
class StoreScopesTest {

    private SandboxStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theSecondStoreViewSellsInItsOwnWebsiteStockAndCurrency() {
        StoreViewScope eu = StoreScopes.load(client(options(), "eu", false), "eu");
        assertEquals(2, eu.websiteId());
        assertEquals("europe", eu.websiteCode());
        assertEquals(2, eu.stockId());
        assertEquals("EUR", eu.currency());
        assertEquals(store.baseUrl() + "/eu/media/", eu.mediaBaseUrl());
        assertEquals(store.baseUrl() + "/eu/", eu.linkBaseUrl());
        StoreViewScope main = StoreScopes.load(client(null, "default", false), "default");
        assertEquals("base", main.websiteCode());
        assertEquals(1, main.stockId());
        assertEquals("USD", main.currency());
    }

    @Test
    void aStoreWithoutInventoryModulesHasNoStock() {
        StoreViewScope scope = StoreScopes.load(client(options().storefront(StorefrontOptions.full().withInventoryModules(false)),
                "default", false), "default");
        assertEquals("base", scope.websiteCode());
        assertNull(scope.stockId(), "stock-resolver 404: salable quantities fall back to source items");
    }

    @Test
    void withoutTheStoreGrantTheWebsiteIsUnknownAndEveryListedProductStaysInScope() {
        StoreViewScope scope = StoreScopes.load(client(options().grantedResources(
                without(AclResources.STORE, AclResources.INVENTORY_STOCK)), "default", false), "default");
        assertFalse(scope.websiteKnown());
        assertTrue(scope.inWebsite(Map.of("sku", "ANY", "extension_attributes", Map.of("website_ids", List.of(7)))),
                "no website-scoping on a guess: the store view's list is published as it is");
        Map<String, Object> unknown = scope.unknown().toEvent();
        for (String part : List.of("website", "displayable", "prices", "urls")) {
            assertEquals("not granted: Magento_Backend::store", unknown.get(part), part);
        }
        assertEquals("not granted: Magento_InventoryApi::stock", unknown.get("salable"),
                "the stock grant is asked on its own, so both missing grants are named");
    }

    @Test
    void withoutTheStockGrantOnlySalableIsUnknown() {
        StoreViewScope eu = StoreScopes.load(client(options().grantedResources(without(AclResources.INVENTORY_STOCK)), "eu", false), "eu");
        assertEquals("europe", eu.websiteCode());
        assertTrue(eu.websiteKnown());
        assertEquals(Map.of("salable", "not granted: Magento_InventoryApi::stock"), eu.unknown().toEvent());
    }

    @Test
    void withoutTheStoreRoutesTheWebsiteIsUnknownForWantOfARoute() {
        StoreViewScope scope = StoreScopes.load(client(options().storefront(StorefrontOptions.full().withStoreRoutes(false)),
                "default", false), "default");
        assertEquals("no route: /V1/store/storeConfigs", scope.unknown().toEvent().get("website"));
    }

    @Test
    void aGuestIsScopedFromTheStoreConfigsAloneWithoutRefusedRequests() {
        StoreViewScope eu = StoreScopes.load(client(options().anonymousGuestAccess(true), "eu", true), "eu", true);
        assertEquals(2, eu.websiteId());
        assertEquals("EUR", eu.currency());
        assertNull(eu.websiteCode());
        assertNull(eu.stockId());
        assertEquals(Set.of("/rest/eu/V1/store/storeConfigs"), new HashSet<>(store.requests().all().stream()
                .map(r -> r.path()).toList()), "websites and stock-resolver are never served to guests: not asked");
    }

    @Test
    void transientFailuresAreThrownNotTakenForAMissingPart() {
        store = SandboxStore.start(options().build());
        store.setScenario(Scenario.MAINTENANCE_HTML_503);
        MagentoClient client = client(null, "default", false);
        assertThrows(MagentoException.class, () -> StoreScopes.load(client, "default"));
    }

    private static SandboxOptions.Builder options() {
        return SandboxOptions.builder().productCount(10).storeCodes(List.of("default")).storefront(StorefrontOptions.full());
    }

    private static Set<String> without(String... resources) {
        Set<String> granted = new HashSet<>(SandboxOptions.ALL_CATALOG_RESOURCES);
        granted.removeAll(List.of(resources));
        return granted;
    }

    /** @param options null: the store already started */
    private MagentoClient client(SandboxOptions.Builder options, String storeCode, boolean guest) {
        if (options != null) {
            store = SandboxStore.start(options.build());
        }
        Authenticator auth = guest ? new AnonymousAuthenticator() : new BearerAuthenticator(store.options().accessToken());
        return new MagentoClient(new StoreAddress(store.baseUrl(), "/rest", storeCode), auth, new StoreGate(2),
                new NetworkSettings(null, 0, null, null, "PKCS12").httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(30),
                new ObjectMapper(), new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(5)),
                new ClientMetrics(new SimpleMeterRegistry()));
    }
}
