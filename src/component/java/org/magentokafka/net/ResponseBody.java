package org.magentokafka.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The body of one answer of the store as it came over the wire, and as the store meant it. Java's HttpClient
 * neither asks for compression nor decodes it, so every request of the connector asks for gzip with
 * {@link #acceptGzip} and reads the answer through here: a web server in front of Magento (nginx, Apache, a CDN)
 * then sends JSON pages a fraction of their size, and nothing reads the bytes before they are decoded (pages,
 * error bodies, HTML maintenance pages, token answers).
 */
public final class ResponseBody {

    /** The one encoding the connector asks for; stores that do not compress answer identity, which is fine too. */
    public static final String ACCEPTED = "gzip";
    /** The default bound of an answer, on the wire and decoded: far above the largest real page (a few MB). */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final byte[] wire;
    private final List<String> encodings;
    private final long maxBytes;

    /** @param contentEncoding the answer's Content-Encoding header, or null */
    public ResponseBody(byte[] wire, String contentEncoding) {
        this(wire, contentEncoding, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes what the decoded body may hold: a gzip body inflating past it (a gzip bomb) is refused */
    public ResponseBody(byte[] wire, String contentEncoding, long maxBytes) {
        this.wire = wire == null ? new byte[0] : wire;
        this.encodings = encodings(contentEncoding);
        this.maxBytes = maxBytes;
    }

    public static ResponseBody of(HttpResponse<byte[]> response) {
        return of(response, DEFAULT_MAX_BYTES);
    }

    public static ResponseBody of(HttpResponse<byte[]> response, long maxBytes) {
        return new ResponseBody(response.body(), response.headers().firstValue("Content-Encoding").orElse(null), maxBytes);
    }

    /** Asks for gzip: what every request of the connector sends. */
    public static HttpRequest.Builder acceptGzip(HttpRequest.Builder request) {
        return request.header("Accept-Encoding", ACCEPTED);
    }

    /** Bytes as received, before decoding (what the store and the network carried). */
    public int wireBytes() {
        return wire.length;
    }

    /** Whether the store sent this answer gzip-compressed. */
    public boolean compressed() {
        return encodings.equals(List.of("gzip"));
    }

    /** The decoded body as UTF-8 text (Magento's REST answers, HTML pages and token answers all are). */
    public String text() throws UndecodableBodyException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** The decoded body. */
    public byte[] bytes() throws UndecodableBodyException {
        if (encodings.isEmpty()) {
            return wire;
        }
        if (!compressed()) {
            throw new UndecodableBodyException("a body in Content-Encoding " + String.join(", ", encodings)
                    + ", which the connector never asks for (it sends Accept-Encoding: " + ACCEPTED + "): a proxy or CDN"
                    + " in front of the store re-encodes answers; make it honour Accept-Encoding", false, null);
        }
        if (wire.length == 0) {
            return wire;
        }
        byte[] decoded;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
            // One byte past the bound tells a body at the bound from one beyond it, without inflating the rest.
            decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UndecodableBodyException("a gzip body that does not decode (" + OneLine.of(String.valueOf(e.getMessage()))
                    + "; " + wire.length + " bytes received): a proxy or a failing store cut the answer", true, e);
        }
        if (decoded.length > maxBytes) {
            throw new UndecodableBodyException("a gzip body of " + wire.length + " bytes inflating past " + maxBytes
                    + " bytes (a gzip bomb or a broken proxy; magento.max-response-bytes)", true, null);
        }
        return decoded;
    }

    /** Content-Encoding lists the codings applied in order; identity is no coding. x-gzip is gzip (RFC 9110). */
    private static List<String> encodings(String header) {
        List<String> codings = new ArrayList<>();
        if (header == null) {
            return codings;
        }
        for (String coding : header.split(",")) {
            String c = coding.strip().toLowerCase(Locale.ROOT);
            if (c.equals("x-gzip")) {
                c = "gzip";
            }
            if (!c.isEmpty() && !c.equals("identity")) {
                codings.add(c);
            }
        }
        return List.copyOf(codings);
    }

    /**
     * A body that cannot be decoded; the message says what was received and why, for the caller to prefix with
     * the endpoint.
     */
    public static final class UndecodableBodyException extends IOException {

        private final boolean retryable;

        UndecodableBodyException(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        /** A cut gzip stream may arrive whole next time; an encoding the connector cannot read will not change. */
        public boolean retryable() {
            return retryable;
        }
    }
}
