package org.magentokafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;

import static org.magentokafka.bench.RequestLogs.CODES;
import static org.magentokafka.bench.RequestLogs.T0;
import static org.magentokafka.bench.RequestLogs.get;
import static org.magentokafka.bench.RequestLogs.page;

/** The benchmark counts idle requests per route and store view, and tells scan pages from polls and look-ups. */
class RouteNameTest {

    @Test
    void storeCodeAndKeysAreStrippedFromTheRoute() {
        RouteName byKey = RouteName.of(get("/rest/fr/V1/products/A%2BB-01", Map.of(), 0), CODES);
        assertEquals("GET /V1/products/{key}", byKey.route());
        assertEquals("fr", byKey.storeView());
        RouteName noCode = RouteName.of(get("/rest/V1/inventory/source-items", page(1), 0), CODES);
        assertEquals("GET /V1/inventory/source-items", noCode.route());
        assertEquals(RouteName.NO_STORE_CODE, noCode.storeView());
    }

    @Test
    void aFilteredPollIsNotAScanPageWhateverTheFilterSpelling() {
        Map<String, String> camel = new LinkedHashMap<>(page(1));
        camel.put("searchCriteria[filterGroups][0][filters][0][field]", "updated_at");
        camel.put("searchCriteria[filterGroups][0][filters][0][conditionType]", "gteq");
        Map<String, String> snake = new LinkedHashMap<>(page(1));
        snake.put("searchCriteria[filter_groups][0][filters][0][field]", "sku");
        snake.put("searchCriteria[filter_groups][0][filters][0][condition_type]", "in");
        RouteName poll = RouteName.of(get("/rest/default/V1/products", camel, 0), CODES);
        RouteName lookUp = RouteName.of(get("/rest/default/V1/inventory/source-items", snake, 0), CODES);
        assertEquals("filter updated_at gteq", poll.variant());
        assertEquals("filter sku in", lookUp.variant());
        assertFalse(poll.scanPage());
        assertFalse(lookUp.scanPage());
        Map<String, String> keysOnly = new LinkedHashMap<>(page(1));
        keysOnly.put("fields", "items[sku],total_count");
        assertTrue(RouteName.of(get("/rest/default/V1/products", keysOnly, 0), CODES).scanPage());
    }
}
