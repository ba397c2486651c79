package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.change.StateStore;
import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoException;
import org.magentokafka.sandbox.Faults;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.InMemoryStateStore;
import org.magentokafka.testing.MutableClock;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * One feed of order changes against the simulator's {@code GET /V1/orders} (Magento_Sales' getList with Magento's
 * {@code fields=} projection): which rows a read turns into SKUs, which it leaves, and when its watermark moves.
 */
class ChangedOrdersTest {

    private static final Duration OVERLAP = Duration.ofSeconds(60);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(30).clock(clock).build());
    private final SandboxStreamContext endpoint = new SandboxStreamContext(store, MagentoStream.PRODUCTS, "default");
    private final StateStore state = new InMemoryStateStore();
    private final ChangedOrders orders = new ChangedOrders("/V1/orders", state, OVERLAP, SLACK, 2);

    @AfterEach
    void close() {
        endpoint.close();
        store.close();
    }

    private List<String> simples(int count) {
        return store.catalog().products().stream().filter(p -> "simple".equals(p.get("type_id").asText()))
                .map(p -> p.get("sku").asText())
                .filter(sku -> store.catalog().storefront().salableQuantity(sku, "base").orElse(0.0) > 3)
                .limit(count).toList();
    }

    private Set<String> read() {
        return orders.read(endpoint.client("default"), clock.instant());
    }

    @Test
    void theFirstReadStartsOneOverlapAgoNotAtTheBeginningOfTheOrderHistory() {
        List<String> skus = simples(2);
        store.catalog().storefront().placeOrder(skus.get(0), "base", 1);
        clock.advance(Duration.ofHours(2));
        store.catalog().storefront().placeOrder(skus.get(1), "base", 1);
        clock.advance(Duration.ofSeconds(5));

        assertEquals(Set.of(skus.get(1)), read());
    }

    @Test
    void eachChangeOfAnOrderAsksForItsSkusOnceAndEveryPageIsRead() {
        List<String> skus = simples(3);
        int first = store.catalog().storefront().placeOrder(skus.get(0), "base", 1);
        store.catalog().storefront().placeOrder(skus.get(1), "base", 1);
        store.catalog().storefront().placeOrder(skus.get(2), "base", 1);
        clock.advance(Duration.ofSeconds(5));

        assertEquals(Set.copyOf(skus), read(), "three orders on two pages of 2");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Set.of(), read(), "read again within the overlap: nothing new");

        store.catalog().storefront().cancelOrder(first);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Set.of(skus.get(0)), read(), "cancelled: its updated_at moved");
    }

    @Test
    void anOrderSeenWithinItsOwnSecondIsAskedForOnceMoreWhenSettled() {
        String sku = simples(1).get(0);
        store.catalog().storefront().placeOrder(sku, "base", 1);

        assertEquals(Set.of(sku), read(), "its reservation may still be committing");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Set.of(sku), read(), "once more, settled");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Set.of(), read());
    }

    @Test
    void theWatermarkMovesOnlyOnceTheProductsWerePublished() {
        String sku = simples(1).get(0);
        store.catalog().storefront().placeOrder(sku, "base", 1);
        String placedAt = Watermark.of(clock.instant());
        clock.advance(Duration.ofSeconds(5));
        read();
        assertNull(state.watermark(), "not published yet: a crash now reads the order again");
        assertEquals(Set.of(sku), orders.pendingSkus());

        orders.commit();

        assertEquals(placedAt, state.watermark());
        assertEquals(Set.of(), orders.pendingSkus());
    }

    @Test
    void aReadWhosePageFailedLeavesEveryRowOfItToTheNextPoll() {
        List<String> skus = simples(3);
        skus.forEach(sku -> store.catalog().storefront().placeOrder(sku, "base", 1));
        clock.advance(Duration.ofSeconds(5));
        // Page 1 of 2 answers, then the store fails every request.
        store.requests().beforeAnswer(r -> {
            if (r.path().endsWith("/V1/orders")) {
                store.setFaults(Faults.builder().rate500(1.0).build());
            }
        });
        assertThrows(MagentoException.class, this::read);
        store.requests().beforeAnswer(null);
        store.setFaults(Faults.none());

        assertEquals(Set.copyOf(skus), read(), "page 1's orders too: nothing of the failed read counted as seen");
    }

    @Test
    void everyRequestAsksForIdsDatesAndItemSkusOnly() {
        store.catalog().storefront().placeOrder(simples(1).get(0), "base", 1);
        clock.advance(Duration.ofSeconds(5));
        read();

        List<LoggedRequest> requests = store.requests().matching("/V1/orders");
        assertTrue(!requests.isEmpty());
        requests.forEach(r -> assertEquals("items[entity_id,updated_at,items[sku]],total_count", r.query().get("fields")));
        assertTrue(requests.stream().allMatch(r -> r.filters("updated_at", "gteq")), "only what changed");
        assertEquals(List.of(), store.requests().personalDataServed());
    }
}
