package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magentokafka.sandbox.StoreClient.concat;
import static org.magentokafka.sandbox.StoreClient.query;

/**
 * Orders and credit memos over real HTTP: what placing, cancelling and refunding an order changes, what
 * GET /V1/orders and /V1/creditmemos answer, the fields= projection keeping customer data out of an answer, and the
 * request log telling which answers carried it.
 */
class OrdersSimulationTest {

    private static final String KEYS_ONLY = "items[entity_id,updated_at,items[sku,parent_item_id]],total_count";

    private final StorefrontSimulationTest.MovableClock clock = new StorefrontSimulationTest.MovableClock();
    private SandboxStore store;
    private StoreClient client;
    private SandboxStorefront storefront;

    @BeforeEach
    void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(200).clock(clock)
                .storefront(StorefrontOptions.full()).build());
        client = new StoreClient(store);
        storefront = store.catalog().storefront();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JsonNode ok(String pathAndQuery) {
        StoreClient.Answer answer = client.get(pathAndQuery);
        assertEquals(200, answer.status(), pathAndQuery + " → " + answer.body());
        return answer.json();
    }

    /** searchCriteria on updated_at, snake_case as the brief's clients write it. */
    private static String[] updatedSince(String time, String condition) {
        String prefix = "searchCriteria[filter_groups][0][filters][0]";
        return new String[] {prefix + "[field]", "updated_at", prefix + "[value]", time, prefix + "[condition_type]", condition};
    }

    private String now() {
        return MagentoTime.format(clock.now);
    }

    /** A simple product sold on its own (no configurable's child), salable in the main website. */
    private String simpleSku() {
        Set<String> children = store.catalog().products().stream()
                .flatMap(p -> storefront.childSkus(p.get("sku").asText()).stream()).collect(Collectors.toSet());
        for (JsonNode p : store.catalog().products()) {
            String sku = p.get("sku").asText();
            if ("simple".equals(p.get("type_id").asText()) && storefront.websitesOf(sku).contains(Website.BASE)
                && !children.contains(sku)
                && storefront.salableQuantity(sku, Website.BASE).orElse(0.0) > 3) {
                return sku;
            }
        }
        throw new AssertionError("no salable simple product");
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void placingAnOrderReservesAndListsItWithTheClocksTime() {
        String sku = simpleSku();
        double before = storefront.salableQuantity(sku, Website.BASE).orElseThrow();
        String since = now();
        clock.now = clock.now.plusSeconds(5);

        int id = storefront.placeOrder(sku, Website.BASE, 2);

        assertEquals(before - 2, storefront.salableQuantity(sku, Website.BASE).orElseThrow());
        assertEquals(-2.0, storefront.reservedQuantity(sku, Website.BASE));
        store.requests().clear();
        JsonNode answer = ok("/rest/V1/orders" + query(concat(updatedSince(since, "gteq"), new String[] {"fields", KEYS_ONLY})));
        assertEquals(Set.of("items", "total_count"), keys(answer), answer.toString());
        assertEquals(1, answer.get("total_count").asInt());
        JsonNode order = answer.get("items").get(0);
        assertEquals(Set.of("entity_id", "updated_at", "items"), keys(order), "no customer field: " + order);
        assertEquals(id, order.get("entity_id").asInt());
        assertEquals(now(), order.get("updated_at").asText());
        assertEquals(1, order.get("items").size());
        assertEquals(Set.of("sku"), keys(order.get("items").get(0)), "a simple's item has no parent_item_id to keep");
        assertEquals(sku, order.get("items").get(0).get("sku").asText());
        assertEquals(List.of(), store.requests().personalDataServed(), "no request got a customer field");
        assertEquals(0, ok("/rest/V1/orders" + query(concat(updatedSince(now(), "gt"), new String[] {"fields", KEYS_ONLY})))
                .get("total_count").asInt(), "gt the order's updated_at: nothing newer");
    }

    @Test
    void withoutFieldsTheCustomerDataIsServedAndTheLogNamesTheRequest() {
        storefront.placeOrder(simpleSku(), Website.BASE, 1);
        store.requests().clear();

        JsonNode order = ok("/rest/V1/orders?searchCriteria%5BpageSize%5D=10").get("items").get(0);

        for (String field : List.of("customer_email", "customer_firstname", "customer_lastname", "customer_dob",
                "customer_taxvat", "customer_id", "remote_ip", "billing_address", "payment")) {
            assertTrue(order.hasNonNull(field) || order.has(field), field + " in " + order);
        }
        assertTrue(order.get("customer_email").asText().endsWith("@example.com"));
        assertEquals("new", order.get("state").asText());
        assertEquals("pending", order.get("status").asText());
        assertEquals("000000001", order.get("increment_id").asText());
        assertEquals(store.catalog().storeViews().defaultViewOf(storefront.website(Website.BASE)).id(),
                order.get("store_id").asInt());
        assertFalse(order.at("/extension_attributes/shipping_assignments/0/shipping/address/city").isMissingNode());
        List<LoggedRequest> served = store.requests().personalDataServed();
        assertEquals(1, served.size());
        assertTrue(served.get(0).path().endsWith("/V1/orders"));
        assertTrue(served.get(0).personalData());
    }

    @Test
    void aConfigurablesChildIsOrderedAsTwoItems() {
        JsonNode parent = store.catalog().products().stream()
                .filter(p -> "configurable".equals(p.get("type_id").asText())
                             && storefront.isSalable(p.get("sku").asText(), Website.BASE))
                .findFirst().orElseThrow();
        String child = storefront.childSkus(parent.get("sku").asText()).stream()
                .filter(c -> storefront.salableQuantity(c, Website.BASE).orElse(0.0) > 1).findFirst().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> storefront.placeOrder(parent.get("sku").asText(), Website.BASE, 1));

        storefront.placeOrder(child, Website.BASE, 1);

        JsonNode items = ok("/rest/V1/orders?fields=items%5Bitems%5Bitem_id,sku,product_id,product_type,parent_item_id%5D%5D")
                .get("items").get(0).get("items");
        assertEquals(2, items.size(), items.toString());
        assertEquals("configurable", items.get(0).get("product_type").asText());
        assertEquals(child, items.get(0).get("sku").asText(), "Magento's configurable item carries the child's SKU");
        assertEquals(parent.get("id").asInt(), items.get(0).get("product_id").asInt());
        assertEquals("simple", items.get(1).get("product_type").asText());
        assertEquals(child, items.get(1).get("sku").asText());
        assertEquals(items.get(0).get("item_id").asInt(), items.get(1).get("parent_item_id").asInt());
        assertEquals(-1.0, storefront.reservedQuantity(child, Website.BASE), "the child's stock is reserved");
    }

    @Test
    void cancellingPutsTheSalableQuantityBackAndMovesUpdatedAt() {
        String sku = simpleSku();
        double before = storefront.salableQuantity(sku, Website.BASE).orElseThrow();
        int id = storefront.placeOrder(sku, Website.BASE, 3);
        String placedAt = now();
        clock.now = clock.now.plus(Duration.ofMinutes(10));

        storefront.cancelOrder(id);

        assertEquals(before, storefront.salableQuantity(sku, Website.BASE).orElseThrow());
        assertEquals(0.0, storefront.reservedQuantity(sku, Website.BASE));
        JsonNode order = ok("/rest/V1/orders" + query(concat(updatedSince(placedAt, "gt"),
                new String[] {"fields", "items[entity_id,state,status,created_at,updated_at]"}))).get("items").get(0);
        assertEquals(List.of("canceled", "canceled", placedAt, now()), List.of(order.get("state").asText(),
                order.get("status").asText(), order.get("created_at").asText(), order.get("updated_at").asText()));
        assertThrows(IllegalStateException.class, () -> storefront.cancelOrder(id), "a canceled order stays canceled");
        assertThrows(IllegalArgumentException.class, () -> storefront.cancelOrder(999));
    }

    @Test
    void aRefundCreatesACreditMemoListedByUpdatedAt() {
        String sku = simpleSku();
        double before = storefront.salableQuantity(sku, Website.BASE).orElseThrow();
        storefront.placeOrder(sku, Website.BASE, 1);
        int id = storefront.placeOrder(sku, Website.BASE, 2);
        clock.now = clock.now.plus(Duration.ofHours(1));
        String refundedAt = now();

        int memoId = storefront.refundOrder(id);

        assertEquals(before - 1, storefront.salableQuantity(sku, Website.BASE).orElseThrow(), "only the refunded order's 2 back");
        JsonNode memos = ok("/rest/V1/creditmemos" + query(updatedSince(refundedAt, "gteq")));
        assertEquals(1, memos.get("total_count").asInt());
        JsonNode memo = memos.get("items").get(0);
        assertEquals(List.of(memoId, id, 2), List.of(memo.get("entity_id").asInt(), memo.get("order_id").asInt(),
                memo.get("state").asInt()));
        assertEquals(refundedAt, memo.get("updated_at").asText());
        assertEquals(sku, memo.get("items").get(0).get("sku").asText());
        assertEquals(2.0, memo.get("items").get(0).get("qty").asDouble());
        assertFalse(PersonalData.carriedBy(memo), "a credit memo names its addresses by id only: " + memo);
        JsonNode orders = ok("/rest/V1/orders" + query(concat(updatedSince(refundedAt, "gteq"),
                new String[] {"fields", "items[entity_id,state,status],total_count"})));
        assertEquals(1, orders.get("total_count").asInt(), "the first order did not move");
        assertEquals(List.of(id, "closed", "closed"), List.of(orders.at("/items/0/entity_id").asInt(),
                orders.at("/items/0/state").asText(), orders.at("/items/0/status").asText()));
        assertEquals(0, ok("/rest/V1/creditmemos" + query(updatedSince(refundedAt, "lt"))).get("total_count").asInt());
        assertThrows(IllegalStateException.class, () -> storefront.refundOrder(id));
    }

    @Test
    void theSetupGuideGrantCannotReadOrders() {
        store.close();
        store = SandboxStore.start(SandboxOptions.builder().productCount(20)
                .grantedResources(SandboxOptions.SETUP_GUIDE_RESOURCES).build());
        client = new StoreClient(store);
        StoreClient.Answer orders = client.get("/rest/V1/orders?fields=items%5Bentity_id%5D");
        assertEquals(401, orders.status());
        assertTrue(orders.body().contains("Magento_Sales::actions_view"), orders.body());
        StoreClient.Answer memos = client.get("/rest/V1/creditmemos");
        assertEquals(401, memos.status());
        assertTrue(memos.body().contains("Magento_Sales::sales_creditmemo"), memos.body());
        assertTrue(SandboxOptions.ALL_RESOURCES.containsAll(Set.of(AclResources.SALES_ORDERS, AclResources.SALES_CREDIT_MEMOS)));
    }

    @Test
    void anInvalidFieldsFilterAnswersAnEmptyArray() {
        storefront.placeOrder(simpleSku(), Website.BASE, 1);
        List<String> bodies = new ArrayList<>();
        for (String fields : List.of("items[entity_id, updated_at]", "items.entity_id", "items[entity-id]",
                "items[entity_id", "items[items[sku]")) {
            StoreClient.Answer answer = client.get("/rest/V1/orders" + query("fields", fields));
            assertEquals(200, answer.status(), fields);
            bodies.add(answer.body());
        }
        assertEquals(List.of("[]", "[]", "[]", "[]", "[]"), bodies);
        assertEquals("[]", client.get("/rest/V1/products" + query("searchCriteria[pageSize]", "5", "fields", "items[sku")).body(),
                "every route: FieldsFilter runs on every REST answer");
        assertEquals(List.of(), store.requests().personalDataServed());
    }

    @Test
    void anEmptyResultWithFieldsHasNullItems() {
        JsonNode answer = ok("/rest/V1/orders" + query(concat(updatedSince(now(), "gteq"), new String[] {"fields", KEYS_ONLY})));
        assertTrue(answer.get("items").isNull(), answer.toString());
        assertEquals(0, answer.get("total_count").asInt());
        JsonNode whole = ok("/rest/V1/orders");
        assertTrue(whole.get("items").isArray() && whole.get("items").isEmpty(), "without fields= an empty list");
    }
}
