package org.magentokafka.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Allow Anonymous Guest Access as Magento_WebapiSecurity implements it: Yes opens exactly the GETs its di.xml lists
 * to callers without credentials; No (the default) refuses them with Magento's 401 body, and lists that are not in
 * di.xml stay refused either way.
 */
class GuestAccessTest {

    private static final String REFUSED = "{\"message\":\"The consumer isn't authorized to access %resources.\","
                                           + "\"parameters\":{\"resources\":\"RESOURCE\"}}";

    @ParameterizedTest(name = "{0} with the setting {1}")
    @CsvSource({
            "/rest/default/V1/products?searchCriteria%5BpageSize%5D=1, true, 200, Magento_Catalog::products",
            "/rest/default/V1/products?searchCriteria%5BpageSize%5D=1, false, 401, Magento_Catalog::products",
            "/rest/default/V1/categories, true, 200, Magento_Catalog::categories",
            "/rest/default/V1/categories, false, 401, Magento_Catalog::categories",
            "/rest/default/V1/categories/list?searchCriteria%5BpageSize%5D=1, true, 401, Magento_Catalog::categories",
            "/rest/default/V1/cmsPage/search?searchCriteria%5BpageSize%5D=1, true, 401, Magento_Cms::page",
            "/rest/default/V1/inventory/source-items?searchCriteria%5BpageSize%5D=1, true, 401, Magento_InventoryApi::source",
            "/rest/default/V1/products/attributes?searchCriteria%5BpageSize%5D=1, true, 401, Magento_Catalog::attributes_attributes",
            "/rest/default/V1/products/attributes/color, true, 200, Magento_Catalog::attributes_attributes",
            "/rest/default/V1/store/storeViews, true, 200, Magento_Backend::store"})
    void guestsGetExactlyWhatTheSettingOpens(String path, boolean allowed, int status, String resource) {
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(5).anonymousGuestAccess(allowed).build())) {
            StoreClient.Answer answer = new StoreClient(store).token(null).get(path);
            assertEquals(status, answer.status(), answer.body());
            if (status == 401) {
                assertEquals(REFUSED.replace("RESOURCE", resource), answer.body());
            }
        }
    }
}
