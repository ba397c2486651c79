package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transport faults over real HTTP: each answer exactly as documented in {@link Faults}. */
class FaultInjectionTest {

    static final String PRODUCTS = "/rest/V1/products?searchCriteria%5BpageSize%5D=5&searchCriteria%5BcurrentPage%5D=1";
    static final String STORE_VIEWS = "/rest/V1/store/storeViews";

    private static SandboxStore store;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        store = SandboxStore.start(SandboxOptions.builder().productCount(20).build());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void reset() {
        store.setFaults(Faults.none());
        store.resetFaultCounts();
        store.requests().clear();
        store.resetPeakInFlight();
    }

    static HttpResponse<byte[]> get(SandboxStore target, String pathAndQuery) {
        return send(target, HttpRequest.newBuilder(URI.create(target.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer sandbox-token").GET());
    }

    static HttpResponse<byte[]> send(SandboxStore target, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("I/O error instead of an HTTP answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return StoreClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + text(response), e);
        }
    }

    static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    static long count(Faults.Kind kind) {
        return store.faultCounts().get(kind.name());
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void defaultsAreNoFaults() {
        Faults none = Faults.none();
        assertEquals(0, none.latencyMillis());
        assertEquals(0, none.latencyJitterMillis());
        assertEquals(0.0, none.rate429());
        assertEquals(1, none.retryAfterSeconds());
        assertEquals(0.0, none.rateHtml503());
        assertTrue(none.retryAfterOn503().isEmpty());
        assertEquals(0.0, none.rate500());
        assertEquals(0.0, none.rateTruncated());
        assertEquals(0, none.maxConcurrency());
        assertFalse(none.hasBadData());
        assertEquals(none, SandboxOptions.defaults().faults());
        assertEquals(200, get(store, PRODUCTS).statusCode());
        assertTrue(store.faultCounts().values().stream().allMatch(c -> c == 0), store.faultCounts().toString());
        assertEquals(Faults.Kind.values().length, store.faultCounts().size());
        assertFalse(store.requests().all().get(0).faulted());
    }

    @Test
    void ratesOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().rate429(1.5));
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().rate500(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().rateTruncated(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().retryAfterSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().maxConcurrency(-1));
    }

    @Test
    void builderRoundTripsAndCommandLineSettings() {
        Faults all = Faults.builder().latencyMillis(5).latencyJitterMillis(6).rate429(0.1).retryAfterSeconds(0)
                .rateHtml503(0.2).retryAfterOn503(9).rate500(0.3).rateTruncated(0.4).maxConcurrency(3).seed(11)
                .customAttributeWrongType("Sku-A", "color", Faults.WrongType.OBJECT).numbersAsStrings("SKU-B")
                .missingSku("sku-c").duplicateAcrossPages("SKU-D").totalCountDrift(-2).build();
        assertEquals(all.toString(), all.toBuilder().build().toString());
        assertEquals(Map.of("sku-a", Map.of("color", Faults.WrongType.OBJECT)), all.wrongTypeAttributes());
        assertEquals(9, all.retryAfterOn503().getAsInt());
        assertTrue(all.toBuilder().noRetryAfterOn503().build().retryAfterOn503().isEmpty());
        assertTrue(all.hasBadData());
        assertEquals(SandboxOptions.builder().faults(all).build().toBuilder().build().faults(), all);

        Faults parsed = SandboxMain.parse(new String[] {"--rate429=0.25", "--rate503=0.5", "--rate500=0.125",
                "--rateTruncated=1", "--maxConcurrency=3", "--jitter=40", "--faultSeed=5", "--latency=0"}).faults();
        assertEquals(0.25, parsed.rate429());
        assertEquals(0.5, parsed.rateHtml503());
        assertEquals(0.125, parsed.rate500());
        assertEquals(1.0, parsed.rateTruncated());
        assertEquals(3, parsed.maxConcurrency());
        assertEquals(40, parsed.latencyJitterMillis());
        assertEquals(5, parsed.seed());
    }

    @Test
    void faultsFromOptionsApplyFromTheStart() {
        try (SandboxStore other = SandboxStore.start(SandboxOptions.builder().productCount(5)
                .faults(Faults.builder().rate500(1.0).build()).build())) {
            assertEquals(500, get(other, STORE_VIEWS).statusCode());
            other.setFaults(Faults.none());
            assertEquals(200, get(other, STORE_VIEWS).statusCode());
            assertEquals(1L, other.faultCounts().get("ERROR_500"));
        }
    }

    // ---------------------------------------------------------------- each fault at rate 1.0

    @Test
    void rate429AnswersTooManyRequestsWithRetryAfter() {
        store.setFaults(Faults.builder().rate429(1.0).build());
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> response = get(store, PRODUCTS);
            assertEquals(429, response.statusCode());
            assertEquals(Optional.of("1"), header(response, "Retry-After"));
            assertTrue(header(response, "Content-Type").orElseThrow().startsWith("application/json"));
            assertEquals("{\"message\":\"Too Many Requests\"}", text(response));
        }
        assertEquals(5, count(Faults.Kind.RATE_429));
        for (LoggedRequest r : store.requests().all()) {
            assertEquals(429, r.status());
            assertEquals(List.of("RATE_429"), r.faults());
        }
        store.setFaults(Faults.builder().rate429(1.0).retryAfterSeconds(0).build());
        assertEquals(Optional.of("0"), header(get(store, PRODUCTS), "Retry-After"));
        store.setFaults(Faults.builder().rate429(1.0).retryAfterSeconds(7).build());
        assertEquals(Optional.of("7"), header(get(store, "/rest/fr/V1/categories"), "Retry-After"));
    }

    @Test
    void faultsLeavePostsAndPathsOutsideTheRestAreaAlone() {
        store.setFaults(Faults.builder().rate429(1.0).rateHtml503(1.0).rate500(1.0).rateTruncated(1.0)
                .latencyMillis(300).build());
        long started = System.nanoTime();
        HttpResponse<byte[]> token = send(store, HttpRequest.newBuilder(URI.create(store.baseUrl() + "/rest/V1/integration/admin/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"sandbox-admin-123\"}")));
        assertEquals(200, token.statusCode(), text(token));
        assertTrue(json(token).isTextual());
        assertEquals(404, get(store, "/catalog/product/view/id/1").statusCode(), "storefront page, not REST");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 300, "no latency outside faultable requests");
        assertTrue(store.faultCounts().values().stream().allMatch(c -> c == 0), store.faultCounts().toString());
    }

    @Test
    void html503IsTheMaintenancePageWithOptionalRetryAfter() {
        store.setFaults(Faults.builder().rateHtml503(1.0).build());
        HttpResponse<byte[]> response = get(store, PRODUCTS);
        assertEquals(503, response.statusCode());
        assertTrue(header(response, "Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(text(response).contains("Service Temporarily Unavailable"));
        assertTrue(header(response, "Retry-After").isEmpty());

        store.setFaults(Faults.builder().rateHtml503(1.0).retryAfterOn503(30).build());
        response = get(store, PRODUCTS);
        assertEquals(503, response.statusCode());
        assertEquals(Optional.of("30"), header(response, "Retry-After"));
        assertEquals(2, count(Faults.Kind.HTML_503));
        assertEquals(List.of("HTML_503"), store.requests().all().get(1).faults());
    }

    @Test
    void frontLayerFaultsComeBeforeAuthentication() {
        store.setFaults(Faults.builder().rate429(1.0).build());
        HttpResponse<byte[]> response = send(store, HttpRequest.newBuilder(URI.create(store.baseUrl() + PRODUCTS)).GET());
        assertEquals(429, response.statusCode(), "the rate limiter answers before Magento checks the token");
    }

    @Test
    void error500IsMagentosMaskedInternalError() {
        store.setFaults(Faults.builder().rate500(1.0).build());
        HttpResponse<byte[]> response = get(store, PRODUCTS);
        assertEquals(500, response.statusCode());
        assertTrue(header(response, "Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = json(response);
        assertEquals(1, body.size(), body.toString());
        assertTrue(body.get("message").asText().matches(
                "Internal Error\\. Details are available in Magento log file\\. Report ID: webapi-[0-9a-f]{13}"), body.toString());
        assertEquals(List.of("ERROR_500"), store.requests().all().get(0).faults());

        // Only a would-be 200 turns into a 500: Magento's own refusals stay, and count nothing.
        HttpResponse<byte[]> anonymous = send(store, HttpRequest.newBuilder(URI.create(store.baseUrl() + PRODUCTS)).GET());
        assertEquals(401, anonymous.statusCode());
        assertEquals(404, get(store, "/rest/V1/products/NO-SUCH-SKU").statusCode());
        assertEquals(1, count(Faults.Kind.ERROR_500));
        assertFalse(store.requests().all().get(2).faulted());
    }

    @Test
    void truncatedBodyIsACompleteHttpAnswerWithBrokenJson() {
        HttpResponse<byte[]> whole = get(store, PRODUCTS);
        json(whole);
        store.setFaults(Faults.builder().rateTruncated(1.0).build());
        for (String path : new String[] {PRODUCTS, STORE_VIEWS, "/rest/V1/categories", "/rest/V1/products/A%2BB-01"}) {
            HttpResponse<byte[]> response = get(store, path);
            assertEquals(200, response.statusCode(), path);
            assertTrue(header(response, "Content-Type").orElseThrow().startsWith("application/json"), path);
            assertEquals(String.valueOf(response.body().length), header(response, "Content-Length").orElseThrow(), path);
            assertThrows(IOException.class, () -> StoreClient.JSON.readTree(response.body()), path);
        }
        HttpResponse<byte[]> cut = get(store, PRODUCTS);
        assertEquals(whole.body().length / 2, cut.body().length);
        assertEquals(text(whole).substring(0, whole.body().length / 2), text(cut));
        assertEquals(5, count(Faults.Kind.TRUNCATED));
        assertEquals(List.of("TRUNCATED"), store.requests().all().get(1).faults());

        store.setFaults(Faults.none());
        assertEquals(5, json(get(store, PRODUCTS)).get("items").size(), "the client recovers on the next request");
    }

    @Test
    void latencyAndJitterDelayRequests() {
        store.setFaults(Faults.builder().latencyMillis(150).build());
        long started = System.nanoTime();
        assertEquals(200, get(store, STORE_VIEWS).statusCode());
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 150);

        store.setFaults(Faults.builder().latencyJitterMillis(40).seed(3).build());
        for (int i = 0; i < 10; i++) {
            assertEquals(200, get(store, STORE_VIEWS).statusCode());
        }
        assertTrue(count(Faults.Kind.LATENCY) >= 9, "jitter draws 0 ms at most rarely: " + count(Faults.Kind.LATENCY));
        assertTrue(store.requests().all().stream().noneMatch(LoggedRequest::faulted), "latency is not listed in the log");
    }

    // ---------------------------------------------------------------- rates and seeds

    @Test
    void rateZeroNeverFires() {
        store.setFaults(Faults.builder().rate429(0).rateHtml503(0).rate500(0).rateTruncated(0).seed(99).build());
        for (int i = 0; i < 200; i++) {
            HttpResponse<byte[]> response = get(store, STORE_VIEWS);
            assertEquals(200, response.statusCode());
        }
        assertTrue(store.faultCounts().values().stream().allMatch(c -> c == 0));
    }

    @Test
    void halfRateFiresAboutHalfTheTime() {
        Map<Faults.Kind, Consumer<Faults.Builder>> kinds = Map.of(
                Faults.Kind.RATE_429, b -> b.rate429(0.5),
                Faults.Kind.HTML_503, b -> b.rateHtml503(0.5),
                Faults.Kind.ERROR_500, b -> b.rate500(0.5),
                Faults.Kind.TRUNCATED, b -> b.rateTruncated(0.5));
        kinds.forEach((kind, setting) -> {
            Faults.Builder builder = Faults.builder().seed(20240601);
            setting.accept(builder);
            store.setFaults(builder.build());
            store.resetFaultCounts();
            int faulted = 0;
            for (int i = 0; i < 400; i++) {
                HttpResponse<byte[]> response = get(store, STORE_VIEWS);
                boolean ok = response.statusCode() == 200 && parses(response.body());
                faulted += ok ? 0 : 1;
            }
            // Binomial(400, 0.5): sd 10, so 140..260 is six standard deviations.
            assertTrue(faulted > 140 && faulted < 260, kind + " fired " + faulted + " of 400");
            assertEquals(faulted, count(kind), kind.name());
        });
    }

    private static boolean parses(byte[] body) {
        try {
            StoreClient.JSON.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aSeedMakesTheSequenceReproducible() {
        Faults faults = Faults.builder().rate429(0.2).rateHtml503(0.2).rate500(0.2).rateTruncated(0.2).seed(7).build();
        store.setFaults(faults);
        List<String> first = run(store, 60);
        store.setFaults(faults);
        List<String> again = run(store, 60);
        assertEquals(first, again, "setFaults restarts the sequence");
        assertTrue(first.stream().distinct().count() >= 4, "a mix of outcomes: " + first);

        try (SandboxStore other = SandboxStore.start(SandboxOptions.builder().productCount(20).faults(faults).build())) {
            assertEquals(first, run(other, 60), "another store, same seed, same sequence");
        }
        store.setFaults(faults.toBuilder().seed(8).build());
        assertNotEquals(first, run(store, 60), "another seed, another sequence");
    }

    private static List<String> run(SandboxStore target, int requests) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<byte[]> response = get(target, STORE_VIEWS);
            outcomes.add(response.statusCode() + (parses(response.body()) ? "" : "-broken"));
        }
        return outcomes;
    }

    @Test
    void eachRetryIsAFreshDraw() {
        store.setFaults(Faults.builder().rate429(0.9).seed(1).build());
        int attempts = 0;
        int status;
        do {
            status = get(store, PRODUCTS).statusCode();
            attempts++;
        } while (status == 429 && attempts < 200);
        assertEquals(200, status, "a 90% fault rate still lets a retry through");
    }

    @Test
    void faultsChangeAtRuntimeForTheNextRequest() {
        store.setFaults(Faults.builder().rate429(1.0).build());
        assertEquals(429, get(store, STORE_VIEWS).statusCode());
        store.setFaults(Faults.none());
        assertEquals(200, get(store, STORE_VIEWS).statusCode());
        assertEquals(Faults.none(), store.faults());
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void maxConcurrencyRefusesTheExcessAndPeaksAreTracked() throws Exception {
        store.setFaults(Faults.builder().latencyMillis(200).maxConcurrency(4).retryAfterSeconds(2).build());
        List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(store.baseUrl() + STORE_VIEWS))
                    .header("Authorization", "Bearer sandbox-token").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        int ok = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<byte[]>> future : futures) {
            HttpResponse<byte[]> response = future.get(30, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, response.statusCode());
                assertEquals(Optional.of("2"), header(response, "Retry-After"));
                assertEquals("{\"message\":\"Too Many Requests\"}", text(response));
                refused++;
            }
        }
        assertEquals(20, ok + refused);
        assertTrue(refused > 0, "20 at once against a limit of 4");
        assertTrue(ok >= 4, "the first four are admitted: " + ok);
        assertEquals(refused, count(Faults.Kind.CONCURRENCY_429));
        assertEquals(ok, count(Faults.Kind.LATENCY), "refused requests answer at once, without latency");
        // A refusal happens only while 4 are admitted, and the refused request itself is in flight then.
        assertEquals(4, store.peakAdmitted());
        assertTrue(store.peakInFlight() >= 5 && store.peakInFlight() <= 20, "peak " + store.peakInFlight());
        assertEquals(0, store.inFlight());
        assertEquals(refused, store.requests().all().stream().filter(r -> r.faults().equals(List.of("CONCURRENCY_429"))
                && r.status() == 429).count());
        store.resetPeakInFlight();
        assertEquals(0, store.peakInFlight());
        assertEquals(0, store.peakAdmitted());
    }

    @Test
    void aClientKeepingToNRequestsIsNeverMeasuredAboveN() throws Exception {
        store.setFaults(Faults.builder().latencyMillis(5).latencyJitterMillis(20).build());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertEquals(200, get(store, PRODUCTS).statusCode());
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(store.peakInFlight() <= 3, "peak " + store.peakInFlight());
        assertTrue(store.peakInFlight() >= 2, "the three workers overlap: " + store.peakInFlight());
        assertEquals(store.peakInFlight(), store.peakAdmitted());
        store.resetPeakInFlight();
        for (int i = 0; i < 5; i++) {
            get(store, PRODUCTS);
        }
        assertEquals(1, store.peakInFlight(), "sequential requests never overlap");
    }
}
