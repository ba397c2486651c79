package org.magentokafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.magentokafka.bench.RequestLogs.CODES;
import static org.magentokafka.bench.RequestLogs.get;
import static org.magentokafka.bench.RequestLogs.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;

/** The stock scenario shows what the stock index dump, the orders and the credit memos cost, route by route. */
class StockRoutesTest {

    @Test
    void stockAndSalesRoutesKeepTheirNames() {
        assertEquals("GET /V1/inventory/dump-stock-index-data/website/{key}",
                RouteName.of(get("/rest/default/V1/inventory/dump-stock-index-data/website/base", Map.of(), 0), CODES).route());
        assertEquals("GET /V1/inventory/export-stock-salable-qty/website/{key}",
                RouteName.of(get("/rest/default/V1/inventory/export-stock-salable-qty/website/base", page(1), 0), CODES).route());
        assertEquals("GET /V1/orders", RouteName.of(get("/rest/default/V1/orders", page(1), 0), CODES).route());
        assertEquals("GET /V1/creditmemos", RouteName.of(get("/rest/V1/creditmemos", page(1), 0), CODES).route());
        assertEquals("GET /V1/orders/{key}", RouteName.of(get("/rest/default/V1/orders/17", Map.of(), 0), CODES).route());
    }

    @Test
    void requestsAreCountedPerRouteAndPerRoutePrefix() {
        List<LoggedRequest> log = List.of(
                get("/rest/default/V1/inventory/dump-stock-index-data/website/base", Map.of(), 0),
                get("/rest/default/V1/inventory/dump-stock-index-data/website/base", Map.of(), 60_000),
                get("/rest/default/V1/orders", page(1), 1_000),
                get("/rest/default/V1/orders/17", Map.of(), 1_500),
                get("/rest/default/V1/ordersx", Map.of(), 1_700),
                get("/rest/default/V1/creditmemos", page(1), 2_000),
                get("/rest/default/V1/inventory/source-items", page(3), 3_000));
        Map<String, Map<String, Integer>> byRoute = StockLatencyRun.byRoute(log, CODES);
        assertEquals(Map.of("all rows", 2), byRoute.get("GET /V1/inventory/dump-stock-index-data/website/{key}"));
        assertEquals(2, StockLatencyRun.count(byRoute, "GET /V1/inventory/dump-stock-index-data"));
        assertEquals(2, StockLatencyRun.count(byRoute, "GET /V1/orders"));
        assertEquals(1, StockLatencyRun.count(byRoute, "GET /V1/creditmemos"));
        assertEquals(1, StockLatencyRun.count(byRoute, "GET /V1/inventory/source-items"));
        assertEquals(0, StockLatencyRun.count(byRoute, "GET /V1/inventory/export-stock-salable-qty"));
    }
}
