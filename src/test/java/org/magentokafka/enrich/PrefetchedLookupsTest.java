package org.magentokafka.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class PrefetchedLookupsTest {

    @Test
    void theRouteFindsThePrefetchedAnswerWhateverTheOrderOfItsSkus() throws Exception {
        PrefetchedLookups<List<Map<String, Object>>> prefetch = new PrefetchedLookups<>();
        CompletableFuture<List<Map<String, Object>>> answer = prefetch.register(Set.copyOf(new LinkedHashSet<>(List.of("B", "A"))));
        PrefetchedLookups.run(answer, () -> List.of(Map.of("sku", "A", "quantity", 1)));
        CompletableFuture<List<Map<String, Object>>> taken = prefetch.take(new LinkedHashSet<>(List.of("A", "B")));
        assertSame(answer, taken);
        assertEquals(1, taken.get().size());
        assertNull(prefetch.take(Set.of("A", "B")), "an answer is taken once");
    }

    @Test
    void anotherSetOfSkusIsLookedUpNow() {
        PrefetchedLookups<List<Map<String, Object>>> prefetch = new PrefetchedLookups<>();
        prefetch.register(Set.of("A", "B"));
        assertNull(prefetch.take(Set.of("A")));
        assertNull(prefetch.take(Set.of("A", "B", "C")));
    }

    @Test
    void theSameSkusInAnotherStoreViewAreAnotherLookUp() {
        PrefetchedLookups<String> prefetch = new PrefetchedLookups<>();
        prefetch.register(List.of("default", Set.of("A", "B")));
        assertNull(prefetch.take(List.of("eu", Set.of("A", "B"))));
    }

    @Test
    void aFailedLookUpFailsTheRouteThatTakesIt() {
        PrefetchedLookups<String> prefetch = new PrefetchedLookups<>();
        CompletableFuture<String> answer = prefetch.register("page");
        PrefetchedLookups.run(answer, () -> {
            throw new IllegalStateException("GET /V1/products-render-info answered 503");
        });
        ExecutionException failure = assertThrows(ExecutionException.class, () -> prefetch.take("page").get());
        assertEquals("GET /V1/products-render-info answered 503", failure.getCause().getMessage());
    }
}
