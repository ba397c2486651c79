package org.magentokafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Each stock change is settled by the first event of its product carrying it; the figures count the unseen too. */
class PendingChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static JsonNode source(String code, double quantity) {
        return JSON.createObjectNode().set("inventory", JSON.createObjectNode().set("sources",
                JSON.createArrayNode().add(JSON.createObjectNode().put("source_code", code).put("quantity", quantity))));
    }

    private static JsonNode salable(boolean salable) {
        return JSON.createObjectNode().set("salable", JSON.createObjectNode().put("quantity", 0).put("is_salable", salable));
    }

    @Test
    void theFirstEventCarryingTheChangeSettlesIt() {
        PendingChanges changes = new PendingChanges();
        changes.made(new PendingChanges.Change("MT07", "default = 42", T0, v -> StockEvents.carriesSourceQuantity(v, "default", 42)));
        assertTrue(changes.isPending("MT07"));
        assertThrows(IllegalStateException.class, () -> changes.made(new PendingChanges.Change("MT07", "again", T0, v -> true)));
        // Another product, the old quantity, a tombstone: not it.
        assertEquals(-1, changes.seen("MT08", T0.toEpochMilli() + 1_000, source("default", 42)));
        assertEquals(-1, changes.seen("MT07", T0.toEpochMilli() + 2_000, source("default", 41)));
        assertEquals(-1, changes.seen("MT07", T0.toEpochMilli() + 2_500, null));
        assertEquals(3_000, changes.seen("MT07", T0.toEpochMilli() + 3_000, source("default", 42)));
        // Settled once: a later event of the same value is not counted again.
        assertEquals(-1, changes.seen("MT07", T0.toEpochMilli() + 9_000, source("default", 42)));
        assertFalse(changes.isPending("MT07"));
        assertEquals(List.of(3_000L), changes.summary(T0.plusSeconds(60)).latencies());
    }

    @Test
    void percentilesAndTheUnseenCountedAtTheirAge() {
        PendingChanges orders = new PendingChanges();
        for (int i = 1; i <= 20; i++) {
            String sku = "SKU-" + i;
            orders.made(new PendingChanges.Change(sku, "order", T0, StockEvents::carriesSoldOut));
            assertEquals(-1, orders.seen(sku, T0.toEpochMilli() + 500, salable(true)));
            if (i <= 19) {
                // 1 s, 2 s, ... 19 s
                assertEquals(i * 1000L, orders.seen(sku, T0.toEpochMilli() + i * 1000L, salable(false)));
            }
        }
        PendingChanges.Summary s = orders.summary(T0.plusSeconds(100));
        assertEquals(20, s.made());
        assertEquals(19, s.latencies().size());
        assertEquals(10_000L, s.p50());
        assertEquals(19_000L, s.p95());
        assertEquals(19_000L, s.max());
        assertEquals(1, s.unseen());
        assertEquals(100.0, s.oldestUnseenSeconds());
        // 20 values: 1..19 s and the unseen at 100 s; nearest rank 19 of 20 is 19 s.
        assertEquals(19_000L, s.p95AllChanges());
        assertTrue(StockLatencyRun.verdict("order → sold-out event", s, 10, "10 s with order signals")
                .startsWith("**order → sold-out event: p95 >= 19.0 s (limit 10 s with order signals: >= 1.90x)**; 1 of 20 not seen"));
    }

    @Test
    void aWithdrawnChangeIsNotCounted() {
        PendingChanges orders = new PendingChanges();
        PendingChanges.Change c = new PendingChanges.Change("CFG-1", "order", T0, StockEvents::carriesSoldOut);
        orders.made(c);
        orders.withdraw(c);
        PendingChanges.Summary s = orders.summary(T0.plusSeconds(5));
        assertEquals(0, s.made());
        assertEquals(0, s.unseen());
        assertNull(s.p95());
        assertNull(s.p95AllChanges());
        assertEquals("**order → sold-out event: no change made** (limit 10 s)", StockLatencyRun.verdict("order → sold-out event", s, 10, "10 s"));
    }

    @Test
    void allSeenGivesAPlainVerdict() {
        PendingChanges changes = new PendingChanges();
        List<Long> expected = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int q = i;
            changes.made(new PendingChanges.Change("S" + i, "default = " + q, T0, v -> StockEvents.carriesSourceQuantity(v, "default", q)));
            changes.seen("S" + i, T0.toEpochMilli() + i * 10_000L, source("default", q));
            expected.add(i * 10_000L);
        }
        PendingChanges.Summary s = changes.summary(T0.plusSeconds(60));
        assertEquals(expected, s.latencies());
        assertEquals("**source change → product event: p95 40.0 s (limit 90 s: 0.44x)**",
                StockLatencyRun.verdict("source change → product event", s, StockLatencyRun.SOURCE_P95_LIMIT_SECONDS,
                        StockLatencyRun.limitSeconds(StockLatencyRun.SOURCE_P95_LIMIT_SECONDS)));
    }
}
