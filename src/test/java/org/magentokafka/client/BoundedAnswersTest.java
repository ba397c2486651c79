package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.BearerAuthenticator;
import org.magentokafka.net.NetworkSettings;

/**
 * Bodies no store should send, from a peer that sends them on purpose (a broken proxy in front of the store): a
 * gzip bomb, an endless page and a body that trickles a byte at a time are each one retryable line, the heap
 * stays small and the store's gate slot is free again for the next request.
 */
class BoundedAnswersTest {

    private static final long LIMIT = 4L * 1024 * 1024;
    private HttpServer peer;

    @BeforeEach
    void start() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        peer.createContext("/rest/default/V1/bomb", e -> answer(e, "gzip", gzipOfZeros(256L * 1024 * 1024)));
        peer.createContext("/rest/default/V1/endless", e -> answer(e, null, new byte[(int) LIMIT + 1]));
        peer.createContext("/rest/default/V1/trickle", this::trickle);
        peer.createContext("/rest/default/V1/fine", e -> answer(e, null, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        peer.start();
    }

    @AfterEach
    void stop() {
        peer.stop(0);
    }

    @Test
    void aGzipBombIsRefusedBeforeItFillsTheHeap() {
        MagentoException e = assertThrows(MagentoException.class, () -> client(Duration.ofSeconds(30)).getJson("/V1/bomb", null));
        assertTrue(e.getMessage().contains("inflating past " + LIMIT + " bytes") && e.getMessage().contains("magento.max-response-bytes"),
                e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void anAnswerLargerThanTheBoundIsRefused() {
        MagentoException e = assertThrows(MagentoException.class, () -> client(Duration.ofSeconds(30)).getJson("/V1/endless", null));
        assertTrue(e.getMessage().contains("more than " + LIMIT + " bytes") && e.getMessage().contains("magento.max-response-bytes"),
                e.getMessage());
    }

    @Test
    void aTricklingBodyEndsAtTheReadTimeoutAndFreesTheGate() {
        MagentoClient client = client(Duration.ofSeconds(1));
        MagentoException e = assertThrows(MagentoException.class, () -> client.getJson("/V1/trickle", null));
        assertTrue(e.getMessage().contains("timed out after 1000 ms"), e.getMessage());
        assertEquals(true, client.getJson("/V1/fine", null).get("ok").asBoolean(), "the gate's only slot is free again");
    }

    /** One slot in the gate, no retries: what one request does is what the test sees. */
    private MagentoClient client(Duration readTimeout) {
        return new MagentoClient(new StoreAddress("http://127.0.0.1:" + peer.getAddress().getPort(), "/rest", "default"),
                new BearerAuthenticator("token"), new StoreGate(1),
                new NetworkSettings(null, 0, null, null, "PKCS12").httpClient(Duration.ofSeconds(5)), readTimeout,
                new ObjectMapper(), new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(5)),
                new ClientMetrics(new SimpleMeterRegistry())).withMaxBodyBytes(LIMIT);
    }

    private static void answer(HttpExchange exchange, String encoding, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (encoding != null) {
            exchange.getResponseHeaders().add("Content-Encoding", encoding);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client hung up on purpose
        }
    }

    /** Headers at once, then a byte every 200 ms for a minute, until the client hangs up. */
    private void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 300);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 300; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up
        }
    }

    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(wire)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return wire.toByteArray();
    }
}
