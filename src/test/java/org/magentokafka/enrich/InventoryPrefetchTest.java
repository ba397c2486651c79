package org.magentokafka.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class InventoryPrefetchTest {

    @Test
    void theRouteFindsThePrefetchedAnswerWhateverTheOrderOfItsSkus() throws Exception {
        InventoryPrefetch prefetch = new InventoryPrefetch();
        CompletableFuture<List<Map<String, Object>>> answer = prefetch.register(new LinkedHashSet<>(List.of("B", "A")));
        InventoryPrefetch.run(answer, () -> List.of(Map.of("sku", "A", "quantity", 1)));
        CompletableFuture<List<Map<String, Object>>> taken = prefetch.take(new LinkedHashSet<>(List.of("A", "B")));
        assertSame(answer, taken);
        assertEquals(1, taken.get().size());
        assertNull(prefetch.take(Set.of("A", "B")), "an answer is taken once");
    }

    @Test
    void anotherSetOfSkusIsLookedUpNow() {
        InventoryPrefetch prefetch = new InventoryPrefetch();
        prefetch.register(Set.of("A", "B"));
        assertNull(prefetch.take(Set.of("A")));
        assertNull(prefetch.take(Set.of("A", "B", "C")));
    }
}
