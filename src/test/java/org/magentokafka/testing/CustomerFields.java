package org.magentokafka.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxStore;

/** "Did the connector ever ask for, or get, a customer field?", from the store's own log of what it was asked and served. */
public final class CustomerFields {

    /** The one projection the connector may send to the sales routes (literal on purpose: a changed one must show). */
    private static final String PROJECTION = "items[entity_id,updated_at,items[sku]],total_count";

    private CustomerFields() {
    }

    /** Every orders and credit-memos request (there was at least one) asked for the projection, and no answer carried a customer field. */
    public static void assertNeverAskedNorServed(SandboxStore store) {
        List<LoggedRequest> sales = store.requests().all().stream()
                .filter(r -> r.path().endsWith("/V1/orders") || r.path().endsWith("/V1/creditmemos")).toList();
        assertFalse(sales.isEmpty(), "the order signals read the orders");
        for (LoggedRequest request : sales) {
            assertEquals(PROJECTION, request.query().get("fields"), request.toString());
        }
        assertEquals(List.of(), store.requests().personalDataServed(), "no answer to the connector carried a customer field");
    }
}
