package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every answer of the sandbox validated against Adobe's admin-schema-2.4.9.json. */
class SchemaConformanceTest {

    private static MagentoSchema schema;
    private static SandboxStore store;
    private static StoreClient client;
    /** Two websites, configurables with children, special prices. */
    private static SandboxStore storefront;

    @BeforeAll
    static void start() {
        schema = MagentoSchema.load();
        store = SandboxStore.start(SandboxOptions.builder().productCount(300).build());
        client = new StoreClient(store);
        storefront = SandboxStore.start(SandboxOptions.builder().productCount(300).storefront(StorefrontOptions.full()).build());
    }

    @AfterAll
    static void close() {
        store.close();
        storefront.close();
    }

    private static final String ENTITY_IDS = "searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=entity_id"
            + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=1,2,3,4,5,6,7,8,9,10,20,30,40,50,300,301,302,303"
            + "&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5BconditionType%5D=in";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/V1/store/websites                       | /rest/V1/store/websites",
        "/V1/store/storeViews                     | /rest/V1/store/storeViews",
        "/V1/store/storeConfigs                   | /rest/V1/store/storeConfigs",
        "/V1/inventory/stock-resolver/{type}/{code} | /rest/V1/inventory/stock-resolver/website/europe",
        "/V1/inventory/export-stock-salable-qty/{salesChannelType}/{salesChannelCode} | /rest/V1/inventory/export-stock-salable-qty/website/base?searchCriteria%5BpageSize%5D=300",
        "/V1/inventory/export-stock-salable-qty/{salesChannelType}/{salesChannelCode} | /rest/V1/inventory/export-stock-salable-qty/website/europe?searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=sku&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=A%2BB-01,R%26D-kit&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5BconditionType%5D=in",
        "/V1/inventory/dump-stock-index-data/{salesChannelType}/{salesChannelCode} | /rest/V1/inventory/dump-stock-index-data/website/europe",
        "/V1/products-render-info                 | /rest/V1/products-render-info?storeId=1&currencyCode=USD&searchCriteria%5BpageSize%5D=300",
        "/V1/products-render-info                 | /rest/V1/products-render-info?storeId=3&currencyCode=EUR&ENTITY_IDS",
        "/V1/products                             | /rest/V1/products?searchCriteria%5BpageSize%5D=300&ENTITY_IDS",
        "/V1/products                             | /rest/eu/V1/products?searchCriteria%5BpageSize%5D=300&searchCriteria%5BcurrentPage%5D=2",
        "/V1/configurable-products/{sku}/children | CHILDREN",
        "/V1/products/attributes/{attributeCode}  | /rest/V1/products/attributes/size",
    })
    void storefrontAnswersMatchTheOfficialSchema(String apiPath, String request) {
        String path = request.replace("ENTITY_IDS", ENTITY_IDS);
        if ("CHILDREN".equals(path)) {
            String parent = storefront.catalog().products().stream()
                    .filter(p -> p.get("extension_attributes").has("configurable_product_links"))
                    .findFirst().orElseThrow().get("sku").asText();
            path = "/rest/V1/configurable-products/" + StoreClient.encode(parent) + "/children";
        }
        StoreClient.Answer answer = new StoreClient(storefront).get(path);
        assertEquals(200, answer.status(), answer.body());
        assertFalse(answer.json().isEmpty() || answer.json().path("items").isEmpty() && answer.json().has("items"),
                "an empty answer proves nothing: " + path);
        assertConforms(schema.validateResponse(apiPath, "200", answer.json()), path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/V1/products                            | /rest/V1/products?searchCriteria%5BpageSize%5D=300",
        "/V1/products                            | /rest/fr/V1/products?searchCriteria%5BpageSize%5D=50&searchCriteria%5BcurrentPage%5D=2",
        "/V1/products                            | /rest/V1/products?searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=sku&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=%25&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5BconditionType%5D=like&searchCriteria%5BsortOrders%5D%5B0%5D%5Bfield%5D=updated_at&searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=DESC&searchCriteria%5BpageSize%5D=20",
        "/V1/products/{sku}                      | /rest/V1/products/24-MB01%2Fblue",
        "/V1/products/{sku}                      | /rest/fr/V1/products/%E6%97%A5%E6%9C%AC-%E3%83%86%E3%82%A3%E3%83%BC",
        "/V1/categories                          | /rest/V1/categories",
        "/V1/categories                          | /rest/fr/V1/categories",
        "/V1/categories/list                     | /rest/V1/categories/list?searchCriteria%5BpageSize%5D=100",
        "/V1/categories/{categoryId}             | /rest/V1/categories/13",
        "/V1/cmsPage/search                      | /rest/V1/cmsPage/search?searchCriteria%5BpageSize%5D=100",
        "/V1/inventory/source-items              | /rest/V1/inventory/source-items?searchCriteria%5BpageSize%5D=300",
        "/V1/products/attributes                 | /rest/V1/products/attributes?searchCriteria%5BpageSize%5D=100",
        "/V1/products/attributes                 | /rest/fr/V1/products/attributes",
        "/V1/products/attributes/{attributeCode} | /rest/V1/products/attributes/color",
        "/V1/products/attributes/{attributeCode} | /rest/fr/V1/products/attributes/material",
        "/V1/store/storeViews                    | /rest/V1/store/storeViews",
        "/V1/store/storeConfigs                  | /rest/V1/store/storeConfigs",
    })
    void successfulAnswersMatchTheOfficialSchema(String apiPath, String request) {
        StoreClient.Answer answer = client.get(request);
        assertEquals(200, answer.status(), answer.body());
        assertConforms(schema.validateResponse(apiPath, "200", answer.json()), request);
    }

    /** Every collection's list, read as page 2 where the collection has that many pages. */
    private static final List<String[]> LISTS = List.of(
            new String[] {"/V1/products", "/rest/V1/products?searchCriteria%5BpageSize%5D=50&searchCriteria%5BcurrentPage%5D=2"},
            new String[] {"/V1/categories/list", "/rest/V1/categories/list?searchCriteria%5BpageSize%5D=100"},
            new String[] {"/V1/cmsPage/search", "/rest/V1/cmsPage/search?searchCriteria%5BpageSize%5D=100"},
            new String[] {"/V1/inventory/source-items", "/rest/V1/inventory/source-items?searchCriteria%5BpageSize%5D=100&searchCriteria%5BcurrentPage%5D=2"},
            new String[] {"/V1/products/attributes", "/rest/V1/products/attributes?searchCriteria%5BpageSize%5D=100"});

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = InconsistentLists.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void inconsistentListsAreStillValidAgainstTheOfficialSchema(InconsistentLists mode) {
        store.setInconsistentLists(mode);
        try {
            for (String[] list : LISTS) {
                StoreClient.Answer answer = client.get(list[1]);
                assertEquals(200, answer.status(), answer.body());
                assertConforms(schema.validateResponse(list[0], "200", answer.json()), mode + " " + list[1]);
            }
            JsonNode products = client.get(LISTS.get(0)[1]).json();
            long total = products.get("total_count").asLong();
            int items = products.get("items").size();
            switch (mode) {
                case NEGATIVE_TOTAL_COUNT -> assertTrue(total < 0, products.toString());
                case HUGE_TOTAL_COUNT -> assertEquals(InconsistentLists.HUGE_COUNT, total);
                case SHORT_PAGE_IN_THE_MIDDLE -> assertEquals(List.of(300L, 25), List.of(total, items), "page 2 of 6 cut in half");
                case ZERO_TOTAL_COUNT_WITH_ITEMS -> assertEquals(List.of(0L, 50), List.of(total, items));
                default -> throw new AssertionError(mode);
            }
        } finally {
            store.setInconsistentLists(InconsistentLists.NONE);
        }
        JsonNode truthful = client.get(LISTS.get(0)[1]).json();
        assertEquals(List.of(300L, 50), List.of(truthful.get("total_count").asLong(), truthful.get("items").size()),
                "NONE answers truthfully again");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "401 | /rest/V1/products",
        "404 | /rest/V1/no-such-route",
        "404 | /rest/V1/products/NO-SUCH-SKU",
        "404 | /rest/V1/categories/999",
        "404 | /rest/V1/products/attributes/no_such_attribute",
        "400 | /rest/V1/products?searchCriteria%5BpageSize%5D=1000",
        "400 | /rest/all/V1/products",
        "400 | /rest/V1/products?searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=nope&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=1",
        "500 | /rest/V1/cmsPage/search?searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=nope&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=1",
    })
    void errorBodiesMatchErrorResponse(int status, String request) {
        StoreClient sender = status == 401 ? new StoreClient(store).token("wrong") : client;
        StoreClient.Answer answer = sender.get(request);
        assertEquals(status, answer.status(), answer.body());
        assertConforms(schema.validateDefinition("error-response", answer.json()), request);
    }

    @Test
    void ordersAndCreditMemosMatchTheOfficialSchema() {
        SandboxStorefront sales = storefront.catalog().storefront();
        List<String> simples = storefront.catalog().products().stream()
                .filter(p -> "simple".equals(p.get("type_id").asText()))
                .filter(p -> sales.salableQuantity(p.get("sku").asText(), Website.EUROPE).orElse(0.0) > 2)
                .map(p -> p.get("sku").asText()).limit(3).toList();
        String parent = storefront.catalog().products().stream()
                .filter(p -> p.get("extension_attributes").has("configurable_product_links"))
                .findFirst().orElseThrow().get("sku").asText();
        sales.placeOrder(simples.get(0), Website.EUROPE, 1);
        sales.placeOrder(sales.childSkus(parent).get(0), Website.BASE, 1);
        sales.cancelOrder(sales.placeOrder(simples.get(1), Website.EUROPE, 2));
        sales.refundOrder(sales.placeOrder(simples.get(2), Website.EUROPE, 1));
        sales.refundOrder(sales.placeOrder(sales.childSkus(parent).get(1), Website.BASE, 1));
        StoreClient sandbox = new StoreClient(storefront);
        for (String[] list : List.of(new String[] {"/V1/orders", "/rest/V1/orders?searchCriteria%5BpageSize%5D=50"},
                new String[] {"/V1/creditmemos", "/rest/V1/creditmemos"},
                new String[] {"/V1/orders", "/rest/V1/orders?searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D"
                        + "%5Bfield%5D=updated_at&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D="
                        + "2000-01-01%2000:00:00&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D"
                        + "%5BconditionType%5D=gteq&searchCriteria%5BsortOrders%5D%5B0%5D%5Bfield%5D=entity_id"
                        + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=DESC"})) {
            StoreClient.Answer answer = sandbox.get(list[1]);
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.json().get("items").size() >= 2, answer.body());
            assertConforms(schema.validateResponse(list[0], "200", answer.json()), list[1]);
        }
    }

    @Test
    void theValidatorCatchesAWrongType() {
        ObjectNode body = (ObjectNode) client.get("/rest/V1/products?searchCriteria%5BpageSize%5D=2").json();
        assertTrue(schema.validateResponse("/V1/products", "200", body).stream().allMatch(KnownDeviations::forgiven));

        body.put("total_count", "2");
        List<ValidationMessage> errors = schema.validateResponse("/V1/products", "200", body);
        assertFalse(errors.isEmpty(), "total_count as a string must fail");
        List<ValidationMessage> atTotal = errors.stream()
                .filter(e -> e.getInstanceLocation().toString().equals("$.total_count")).collect(Collectors.toList());
        assertEquals(1, atTotal.size(), errors.toString());
        assertFalse(KnownDeviations.forgiven(atTotal.get(0)), "a wrong type is never forgiven");
    }

    @Test
    void theValidatorFollowsReferencesIntoItems() {
        ObjectNode body = (ObjectNode) client.get("/rest/V1/products?searchCriteria%5BpageSize%5D=2").json();
        ((ObjectNode) body.get("items").get(0)).put("price", "12.50");
        ((ObjectNode) body.get("items").get(1)).remove("sku");
        ((ObjectNode) body.get("search_criteria")).remove("filter_groups");
        List<String> where = schema.validateResponse("/V1/products", "200", body).stream()
                .map(e -> e.getInstanceLocation().toString()).collect(Collectors.toList());
        assertTrue(where.contains("$.items[0].price"), where.toString());
        assertTrue(where.contains("$.items[1]"), where.toString());
        assertTrue(where.contains("$.search_criteria"), where.toString());
    }

    @Test
    void deviationsAreForgivenOnlyWhereMagentoReallyDeviates() {
        JsonNode product = client.get("/rest/V1/products/24-MB01%2Fblue").json();
        List<ValidationMessage> errors = schema.validateResponse("/V1/products/{sku}", "200", product);
        assertFalse(errors.isEmpty(), "category_ids as an array is a real deviation the schema reports");
        assertTrue(errors.stream().allMatch(KnownDeviations::forgiven));

        ObjectNode broken = product.deepCopy();
        for (JsonNode attribute : broken.get("custom_attributes")) {
            if ("url_key".equals(attribute.get("attribute_code").asText())) {
                ((ObjectNode) attribute).put("value", 12);
            }
        }
        assertTrue(schema.validateResponse("/V1/products/{sku}", "200", broken).stream()
                .anyMatch(e -> !KnownDeviations.forgiven(e)), "a number where a string belongs is not forgiven");
    }

    private static void assertConforms(List<ValidationMessage> errors, String request) {
        List<String> unexpected = errors.stream().filter(e -> !KnownDeviations.forgiven(e))
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).limit(20).collect(Collectors.toList());
        assertTrue(unexpected.isEmpty(), request + " → " + unexpected);
    }
}
