package org.magentokafka.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Integrations with partial grants, changed while the store runs, and stores without the store routes. */
class PartialGrantsTest {

    private static final String STORE_CONFIGS = "/rest/default/V1/store/storeConfigs";
    private static final String STOCK_RESOLVER = "/rest/default/V1/inventory/stock-resolver/website/base";
    private static final String PRODUCTS = "/rest/default/V1/products?searchCriteria%5BpageSize%5D=5";
    private static final String SOURCE_ITEMS = "/rest/default/V1/inventory/source-items?searchCriteria%5BpageSize%5D=5";

    private static SandboxStore start(SandboxOptions.Builder options) {
        return SandboxStore.start(options.productCount(10).build());
    }

    private static void assertRefused(StoreClient.Answer answer, String resource) {
        assertEquals(401, answer.status(), answer.body());
        assertEquals("The consumer isn't authorized to access %resources.", answer.json().get("message").asText());
        assertEquals(resource, answer.json().get("parameters").get("resources").asText());
    }

    @Test
    void setupGuideGrantsRefuseStoreConfigsAndStockButServeTheCatalog() {
        try (SandboxStore store = start(SandboxOptions.builder().grantedResources(SandboxOptions.SETUP_GUIDE_RESOURCES))) {
            StoreClient client = new StoreClient(store);
            assertRefused(client.get(STORE_CONFIGS), AclResources.STORE);
            assertRefused(client.get(STOCK_RESOLVER), AclResources.INVENTORY_STOCK);
            assertEquals(200, client.get(PRODUCTS).status());
            assertEquals(200, client.get(SOURCE_ITEMS).status());
        }
    }

    @Test
    void grantWhileRunningAuthorizesTheNextRequestAndRevokeRefusesAgain() {
        try (SandboxStore store = start(SandboxOptions.builder().grantedResources(SandboxOptions.SETUP_GUIDE_RESOURCES))) {
            StoreClient client = new StoreClient(store);
            store.grant(AclResources.INVENTORY_STOCK);
            assertEquals(200, client.get(STOCK_RESOLVER).status());
            store.revoke(AclResources.INVENTORY_STOCK);
            assertRefused(client.get(STOCK_RESOLVER), AclResources.INVENTORY_STOCK);
            assertEquals(SandboxOptions.SETUP_GUIDE_RESOURCES, store.grantedResources());
        }
    }

    @Test
    void storeRoutesOffAnswerTheRouterNotFoundWhileProductsServe() {
        try (SandboxStore store = start(SandboxOptions.builder()
                .storefront(StorefrontOptions.defaults().withStoreRoutes(false)))) {
            StoreClient client = new StoreClient(store);
            for (String path : new String[] {STORE_CONFIGS, "/rest/V1/store/websites", "/rest/V1/store/storeViews"}) {
                StoreClient.Answer answer = client.get(path);
                assertEquals(404, answer.status(), path);
                assertEquals("{\"message\":\"Request does not match any route.\",\"trace\":null}", answer.body(), path);
            }
            assertEquals(200, client.get(PRODUCTS).status());
        }
    }

    @Test
    void commandLineSetsGrantsAndStoreRoutes() {
        SandboxOptions parsed = SandboxMain.parse(new String[] {"--grants=setup-guide", "--storeRoutes=false"});
        assertEquals(SandboxOptions.SETUP_GUIDE_RESOURCES, parsed.grantedResources());
        assertEquals(StorefrontOptions.defaults().withStoreRoutes(false), parsed.storefront());
        assertEquals(Set.of(AclResources.PRODUCTS, AclResources.CMS_PAGE),
                SandboxMain.parse(new String[] {"--grants=Magento_Catalog::products,Magento_Cms::page"}).grantedResources());
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[] {"--grants=setup_guide"}));
    }
}
