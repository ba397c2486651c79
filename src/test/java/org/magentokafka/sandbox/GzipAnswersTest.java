package org.magentokafka.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magentokafka.sandbox.FaultInjectionTest.header;
import static org.magentokafka.sandbox.FaultInjectionTest.send;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web server's gzip in front of the simulated store, over real HTTP, as a client sees it. */
class GzipAnswersTest {

    /** 50 products: tens of KiB, well above the 1 KiB below which nothing is compressed. */
    private static final String PAGE = "/rest/V1/products?searchCriteria%5BpageSize%5D=50&searchCriteria%5BcurrentPage%5D=1";

    private SandboxStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private SandboxStore start(SandboxOptions.Builder options) {
        store = SandboxStore.start(options.productCount(60).build());
        return store;
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(store.baseUrl() + path))
                .header("Authorization", "Bearer sandbox-token").GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return send(store, request);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameJsonCompressedAndOneThatDoesNotGetsItAsItIs() throws IOException {
        start(SandboxOptions.builder());
        HttpResponse<byte[]> plain = get(PAGE, null);
        HttpResponse<byte[]> compressed = get(PAGE, "gzip, deflate");

        assertEquals(200, plain.statusCode());
        assertTrue(header(plain, "Content-Encoding").isEmpty(), "identity when gzip was not asked for");
        assertEquals("Accept-Encoding", header(plain, "Vary").orElseThrow(), "caches must key on Accept-Encoding");
        assertEquals(50, FaultInjectionTest.json(plain).get("items").size());

        assertEquals(200, compressed.statusCode());
        assertEquals("gzip", header(compressed, "Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", header(compressed, "Vary").orElseThrow());
        assertTrue(header(compressed, "Content-Type").orElseThrow().startsWith("application/json"));
        assertArrayEquals(plain.body(), gunzip(compressed.body()), "decoded, exactly Magento's JSON");
        assertTrue(compressed.body().length * 3 < plain.body().length,
                "JSON compresses well: " + compressed.body().length + " of " + plain.body().length + " bytes");

        assertEquals(plain.body().length, store.requests().all().get(0).responseBytes(), "the log counts wire bytes");
        assertEquals(compressed.body().length, store.requests().all().get(1).responseBytes());
    }

    @Test
    void gzipRefusedWithQZeroOrAnotherEncodingAndSmallAnswersStayIdentity() {
        start(SandboxOptions.builder());
        assertTrue(header(get(PAGE, "gzip;q=0, identity"), "Content-Encoding").isEmpty());
        assertTrue(header(get(PAGE, "br"), "Content-Encoding").isEmpty());
        assertEquals("gzip", header(get(PAGE, "*"), "Content-Encoding").orElse(null));

        HttpResponse<byte[]> small = get(FaultInjectionTest.STORE_VIEWS, "gzip");
        HttpResponse<byte[]> refused = send(store, HttpRequest.newBuilder(URI.create(store.baseUrl() + PAGE))
                .header("Accept-Encoding", "gzip").GET());
        assertEquals(401, refused.statusCode());
        assertTrue(small.body().length < GzipCompression.MIN_BYTES, "two store views are below the threshold");
        assertTrue(header(small, "Content-Encoding").isEmpty(), "not worth compressing");
        assertTrue(header(refused, "Content-Encoding").isEmpty());
    }

    @Test
    void aStoreWithGzipOffNeverCompresses() {
        start(SandboxOptions.builder().gzip(false));
        HttpResponse<byte[]> answer = get(PAGE, "gzip");
        assertEquals(200, answer.statusCode());
        assertTrue(header(answer, "Content-Encoding").isEmpty());
        assertEquals(50, FaultInjectionTest.json(answer).get("items").size());
        assertEquals(answer.body().length, store.requests().all().get(0).responseBytes());
    }

    @Test
    void gzipIsOnByDefaultAndOffWithTheCommandLineSwitch() {
        assertTrue(SandboxOptions.defaults().gzip());
        assertTrue(SandboxMain.parse(new String[] {"--gzip=true"}).gzip());
        assertFalse(SandboxMain.parse(new String[] {"--gzip=false"}).gzip());
        assertFalse(SandboxOptions.builder().gzip(false).build().toBuilder().build().gzip(), "toBuilder keeps it");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> SandboxMain.parse(new String[] {"--gzip=no"}));
        assertEquals("gzip must be true or false, got no", typo.getMessage());
    }

    @Test
    void aTruncatedCompressedAnswerIsACutGzipStream() throws IOException {
        start(SandboxOptions.builder());
        byte[] whole = get(PAGE, "gzip").body();
        store.setFaults(Faults.builder().rateTruncated(1.0).build());

        HttpResponse<byte[]> cut = get(PAGE, "gzip");
        assertEquals(200, cut.statusCode());
        assertEquals("gzip", header(cut, "Content-Encoding").orElseThrow());
        assertEquals(String.valueOf(cut.body().length), header(cut, "Content-Length").orElseThrow());
        assertEquals(whole.length / 2, cut.body().length, "half of the compressed bytes");
        assertThrows(IOException.class, () -> gunzip(cut.body()), "the gzip stream ends early");
        assertEquals(cut.body().length, store.requests().all().get(1).responseBytes());
    }
}
