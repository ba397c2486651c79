package org.magentokafka.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * What the web server in front of Magento does to its answers (Magento's nginx.conf.sample: {@code gzip on},
 * {@code gzip_comp_level 6}, {@code gzip_min_length 1100}, {@code application/json} in {@code gzip_types},
 * {@code gzip_vary on}; Apache's mod_deflate likewise): a JSON or HTML answer of at least {@link #MIN_BYTES} is
 * sent gzip-compressed (level 6, the JDK's default) when the
 * request's Accept-Encoding allows it, with {@code Vary: Accept-Encoding}; smaller answers and clients that do not
 * ask get the bytes as they are. The decoded body is exactly Magento's, so schema validity does not depend on it.
 */
final class GzipCompression {

    /** Below about this size compression saves too little to be worth it (Magento's sample says 1,100 bytes). */
    static final int MIN_BYTES = 1024;

    private final boolean enabled;

    GzipCompression(boolean enabled) {
        this.enabled = enabled;
    }

    /** The answer as the web server sends it to a client that sent this Accept-Encoding (null: none). */
    HttpAnswer encode(HttpAnswer answer, String acceptEncoding) {
        if (!enabled || answer.body().length < MIN_BYTES || !compressible(answer.contentType())) {
            return answer;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Vary", "Accept-Encoding");
        if (!acceptsGzip(acceptEncoding)) {
            return answer.with(answer.body(), headers);
        }
        headers.put("Content-Encoding", "gzip");
        return answer.with(gzip(answer.body()), headers);
    }

    /** gzip or * listed without q=0 (RFC 9110 12.5.3); "gzip;q=0" refuses it. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = q;
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        double q = gzip != null ? gzip : any != null ? any : 0;
        return q > 0;
    }

    private static boolean compressible(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("text/html");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
