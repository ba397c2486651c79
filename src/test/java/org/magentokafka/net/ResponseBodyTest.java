package org.magentokafka.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** Decoding what the store sent, whatever it is: a page, an error body, an HTML page, a token. */
class ResponseBodyTest {

    private static final String HTML_503 = "<!doctype html><html><head><title>There has been an error processing your request</title>"
                                           + "</head><body><h1>Service Temporarily Unavailable</h1></body></html>";

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBodyIsDecodedAndItsWireSizeKept() throws IOException {
        byte[] wire = gzip(HTML_503);
        ResponseBody body = new ResponseBody(wire, "gzip");
        assertTrue(body.compressed());
        assertEquals(HTML_503, body.text(), "an error page reads the same as uncompressed, for ErrorTranslator");
        assertEquals(wire.length, body.wireBytes());
        assertEquals("{\"message\":\"x\"}", new ResponseBody(gzip("{\"message\":\"x\"}"), "X-GZIP").text());
    }

    @Test
    void identityOrNoEncodingIsTheBodyAsItCame() throws IOException {
        byte[] json = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(json, new ResponseBody(json, null).bytes());
        assertArrayEquals(json, new ResponseBody(json, "identity").bytes());
        assertFalse(new ResponseBody(json, null).compressed());
        assertEquals("", new ResponseBody(new byte[0], "gzip").text(), "an empty answer stays empty");
    }

    @Test
    void aCutGzipStreamIsRetryableAndSaysWhatHappened() throws IOException {
        byte[] wire = gzip(HTML_503.repeat(20));
        ResponseBody.UndecodableBodyException cut = assertThrows(ResponseBody.UndecodableBodyException.class,
                () -> new ResponseBody(Arrays.copyOf(wire, wire.length / 2), "gzip").text());
        assertTrue(cut.retryable());
        assertTrue(cut.getMessage().startsWith("a gzip body that does not decode (Unexpected end of ZLIB input stream; "
                                               + wire.length / 2 + " bytes received)"), cut.getMessage());

        ResponseBody.UndecodableBodyException notGzip = assertThrows(ResponseBody.UndecodableBodyException.class,
                () -> new ResponseBody(HTML_503.getBytes(StandardCharsets.UTF_8), "gzip").text());
        assertTrue(notGzip.retryable());
        assertTrue(notGzip.getMessage().contains("Not in GZIP format"), notGzip.getMessage());
    }

    @Test
    void anEncodingNeverAskedForIsNamedAndNotRetried() {
        ResponseBody.UndecodableBodyException brotli = assertThrows(ResponseBody.UndecodableBodyException.class,
                () -> new ResponseBody(new byte[] {1, 2, 3}, "br").text());
        assertFalse(brotli.retryable());
        assertEquals("a body in Content-Encoding br, which the connector never asks for (it sends Accept-Encoding: gzip):"
                     + " a proxy or CDN in front of the store re-encodes answers; make it honour Accept-Encoding",
                brotli.getMessage());
        assertFalse(new ResponseBody(new byte[0], "gzip, br").compressed(), "gzip then br is not plain gzip");
    }
}
