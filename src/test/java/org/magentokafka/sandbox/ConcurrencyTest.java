package org.magentokafka.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parallel readers while a test thread mutates: every answer is complete and well-formed. */
class ConcurrencyTest {

    @Test
    void parallelReadsDuringMutationsStayConsistent() throws Exception {
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(400).build())) {
            StoreClient client = new StoreClient(store);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    int page = 1 + i % 4;
                    answers.add(pool.submit(() -> client.get("/rest/V1/products?searchCriteria%5BpageSize%5D=100"
                            + "&searchCriteria%5BcurrentPage%5D=" + page).json().get("items").size()));
                }
                for (int i = 0; i < 200; i++) {
                    String name = "Renamed " + i;
                    store.catalog().updateProduct("A+B-01", p -> p.put("name", name));
                    store.catalog().setSourceItemQuantity("A+B-01", "default", i);
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(100, answer.get(30, TimeUnit.SECONDS));
                }
                assertEquals("Renamed 199", store.catalog().product("A+B-01").orElseThrow().get("name").asText());
                assertEquals(80, store.requests().size());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
