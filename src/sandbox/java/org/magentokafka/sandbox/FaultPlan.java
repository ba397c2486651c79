package org.magentokafka.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of one request: its draws, what was applied (for the request log and the counters) and the
 * answers the faults replace Magento's with. Used by one request thread only.
 *
 * <h2>Answers</h2>
 * <ul>
 *   <li>429 (rate and concurrency): {@code application/json}, {@code Retry-After: <retryAfterSeconds>},
 *       body {@code {"message":"Too Many Requests"}} (Magento's error shape, as its web API answers a
 *       {@code Webapi\Exception} with code 429).</li>
 *   <li>503: the maintenance page of {@code pub/errors} ({@code text/html}), with {@code Retry-After} only
 *       when {@link Faults#retryAfterOn503()} is set.</li>
 *   <li>500: {@code {"message":"Internal Error. Details are available in Magento log file. Report ID:
 *       webapi-<13 hex>"}}.</li>
 *   <li>Truncated: status 200, the normal JSON content type, {@code Connection: close}, and only the first
 *       half of the bytes that would have gone on the wire, with a Content-Length that matches them: the client
 *       reads a complete HTTP response whose JSON is cut off (never valid JSON, since the body is an object or
 *       array) or, when the answer was gzip-compressed for it, whose gzip stream is cut off.</li>
 * </ul>
 */
final class FaultPlan {

    private static final String TOO_MANY_REQUESTS = "Too Many Requests";

    private final FaultInjector injector;
    private final Faults faults;
    private final long index;
    private final boolean admitted;
    private final List<String> applied = new ArrayList<>();
    private boolean ended;
    private boolean truncated;

    FaultPlan(FaultInjector injector, Faults faults, long index, boolean admitted) {
        this.injector = injector;
        this.faults = faults;
        this.index = index;
        this.admitted = admitted;
    }

    /** For requests faults never touch (POSTs, non-REST paths): no faults, counts nothing. */
    static FaultPlan inactive() {
        return new FaultPlan(null, Faults.none(), -1, true);
    }

    Faults faults() {
        return faults;
    }

    /** Kinds applied so far, in order; LATENCY is counted but not listed. */
    List<String> applied() {
        return List.copyOf(applied);
    }

    /** Counts a fault and lists it for the request log. */
    void record(Faults.Kind kind) {
        if (injector == null) {
            return;
        }
        injector.count(kind);
        if (kind != Faults.Kind.LATENCY) {
            applied.add(kind.name());
        }
    }

    private boolean fires(Faults.Kind kind, double rate) {
        return injector != null && rate > 0 && FaultInjector.draw(faults.seed(), index, kind) < rate;
    }

    /** The immediate 429 of the concurrency limit, or null when the request was admitted. */
    HttpAnswer refusal() {
        if (admitted) {
            return null;
        }
        record(Faults.Kind.CONCURRENCY_429);
        return tooManyRequests();
    }

    /** Sleeps the fixed latency plus this request's jitter. */
    void delay() {
        long millis = faults.latencyMillis();
        if (faults.latencyJitterMillis() > 0 && injector != null) {
            double u = FaultInjector.draw(faults.seed(), index, Faults.Kind.LATENCY);
            millis += (long) Math.floor(u * (faults.latencyJitterMillis() + 1));
        }
        if (millis <= 0 || injector == null) {
            return;
        }
        record(Faults.Kind.LATENCY);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a rate limiter or the maintenance page answers in front of Magento, or null. */
    HttpAnswer frontLayer() {
        if (fires(Faults.Kind.RATE_429, faults.rate429())) {
            record(Faults.Kind.RATE_429);
            return tooManyRequests();
        }
        if (fires(Faults.Kind.HTML_503, faults.rateHtml503())) {
            record(Faults.Kind.HTML_503);
            HttpAnswer page = HtmlPages.maintenance();
            if (faults.retryAfterOn503().isEmpty()) {
                return page;
            }
            Map<String, String> headers = new LinkedHashMap<>(page.headers());
            headers.put("Retry-After", String.valueOf(faults.retryAfterOn503().getAsInt()));
            return new HttpAnswer(page.status(), page.contentType(), page.body(), headers);
        }
        return null;
    }

    /**
     * Replaces a successful answer with a 500 when that fault fires, or decides its truncation, which
     * {@link #onTheWire} applies to the bytes actually sent (compressed or not).
     */
    HttpAnswer afterService(HttpAnswer answer) {
        if (answer.status() != 200) {
            return answer;
        }
        if (fires(Faults.Kind.ERROR_500, faults.rate500())) {
            record(Faults.Kind.ERROR_500);
            return HttpAnswer.error(MagentoError.internalError(ReportIds.next()));
        }
        if (fires(Faults.Kind.TRUNCATED, faults.rateTruncated())) {
            record(Faults.Kind.TRUNCATED);
            truncated = true;
        }
        return answer;
    }

    /** The answer as it leaves: cut in half when {@link #afterService} decided so (after the web server's gzip). */
    HttpAnswer onTheWire(HttpAnswer answer) {
        if (!truncated) {
            return answer;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Connection", "close");
        byte[] half = Arrays.copyOf(answer.body(), answer.body().length / 2);
        return answer.with(half, headers);
    }

    /** Leaves the in-flight count; call once the answer is built, before writing it. Idempotent. */
    void end() {
        if (!ended && injector != null) {
            ended = true;
            injector.end(admitted);
        }
    }

    private HttpAnswer tooManyRequests() {
        HttpAnswer error = HttpAnswer.error(MagentoError.of(429, TOO_MANY_REQUESTS));
        return new HttpAnswer(429, error.contentType(), error.body(),
                Map.of("Retry-After", String.valueOf(faults.retryAfterSeconds())));
    }
}
