package org.magentokafka.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.auth.AuthFailureException;
import org.magentokafka.auth.Authenticator;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.net.PercentEncoding;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.net.ResponseBody;
import java.util.function.Supplier;

/**
 * Talks to one store view over HTTP: GET only (the connector is read-only towards the store), every request
 * through the store's {@link StoreGate}, every failure translated into a {@link MagentoException} that names
 * the endpoint. One instance per endpoint, created in the endpoint's start and closed in its stop; its
 * {@link #paced(ScanBudget) paced} view is what scans use.
 */
public final class MagentoClient implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    private final StoreAddress address;
    private final Authenticator authenticator;
    private final StoreGate gate;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;
    private final ErrorTranslator errors;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final ClientMetrics metrics;
    /** Null for foreground requests; a scan's requests (retries too) each take a slot of it and enter as background. */
    private final ScanBudget budget;
    /** The largest answer read, on the wire and decoded (magento.max-response-bytes). */
    private final long maxBodyBytes;
    /** Sends each attempt; {@link #withRetries} decides whether there is another. */
    private final RequestSender sender;

    /**
     * @param http the store's client from {@link NetworkSettings#httpClient(Duration)} (proxy, TLS trust, no redirects)
     */
    public MagentoClient(StoreAddress address, Authenticator authenticator, StoreGate gate, HttpClient http,
                         Duration requestTimeout, ObjectMapper mapper, RetryPolicy retry, ClientMetrics metrics) {
        this(address, authenticator, gate, http, requestTimeout, mapper, retry, metrics, null, ResponseBody.DEFAULT_MAX_BYTES);
    }

    private MagentoClient(StoreAddress address, Authenticator authenticator, StoreGate gate, HttpClient http,
                          Duration requestTimeout, ObjectMapper mapper, RetryPolicy retry, ClientMetrics metrics,
                          ScanBudget budget, long maxBodyBytes) {
        this.budget = budget;
        this.maxBodyBytes = maxBodyBytes;
        this.retry = retry;
        this.metrics = metrics;
        this.address = address;
        this.authenticator = authenticator;
        this.gate = gate;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
        this.errors = new ErrorTranslator(mapper);
        this.http = http;
        this.sender = new RequestSender(address, authenticator, gate, http, requestTimeout, errors, metrics, budget,
                maxBodyBytes);
    }

    /**
     * This store view's client for a scan: every request (each retry too) first waits for its slot of the store's
     * scan budget, then enters the gate as background, behind any waiting foreground request.
     */
    public MagentoClient paced(ScanBudget scanBudget) {
        return new MagentoClient(address, authenticator, gate, http, requestTimeout, mapper, retry, metrics, scanBudget, maxBodyBytes);
    }

    /** This client reading answers of at most {@code bytes}, on the wire and decoded. */
    public MagentoClient withMaxBodyBytes(long bytes) {
        return new MagentoClient(address, authenticator, gate, http, requestTimeout, mapper, retry, metrics, budget, bytes);
    }

    public StoreAddress address() {
        return address;
    }

    /** One page of a searchCriteria collection. */
    public Page fetchPage(String resource, SearchCriteria criteria) {
        return fetchPage(resource, criteria, null);
    }

    /**
     * One page, optionally reduced to some fields with Magento's {@code fields} parameter (e.g.
     * {@code items[sku],total_count}), the cheapest way to list keys.
     */
    public Page fetchPage(String resource, SearchCriteria criteria, String fields) {
        String endpoint = "GET " + address.path(resource) + " page " + criteria.currentPage();
        String query = criteria.toQueryString()
                       + (fields == null ? "" : "&fields=" + PercentEncoding.encode(fields));
        URI uri = address.uri(resource, query);
        return withRetries(endpoint, resource, () -> page(endpoint, criteria, sender.get(endpoint, resource, uri)));
    }

    private Page page(String endpoint, SearchCriteria criteria, RequestSender.Response response) {
        JsonNode json = parse(endpoint, response);
        JsonNode total = json.get("total_count");
        JsonNode items = json.get("items");
        long totalCount;
        try {
            totalCount = total.isTextual() ? Long.parseLong(total.asText().strip()) : total.asLong();
            if (!total.isTextual() && !total.canConvertToLong()) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            throw new MagentoException(endpoint, response.status(), true, endpoint
                                                                        + " returned a body without a numeric total_count: not a searchCriteria result."
                                                                        + " Check magento.rest-path and that the store runs Magento 2. Retrying with back-off");
        }
        List<Map<String, Object>> list = new ArrayList<>(items == null || !items.isArray() ? 0 : items.size());
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                list.add(mapper.convertValue(item, ITEM));
            }
        }
        return new Page(criteria.currentPage(), totalCount, list);
    }

    /** A GET of any resource of this store view, answered as a JSON tree. */
    public JsonNode getJson(String resource, String rawQuery) {
        return getJson(resource, rawQuery, resource);
    }

    /** @param metricEndpoint the resource as it appears in metrics, without keys (e.g. /V1/products/{sku}) */
    public JsonNode getJson(String resource, String rawQuery, String metricEndpoint) {
        String endpoint = "GET " + address.path(resource);
        URI uri = address.uri(resource, rawQuery);
        return withRetries(endpoint, metricEndpoint, () -> parse(endpoint, sender.get(endpoint, metricEndpoint, uri)));
    }

    /** Reads a whole answer's JSON in one pass, without a tree (a stock index dump is one answer of the whole website). */
    public interface BodyParser<T> {
        T parse(JsonParser json) throws IOException;
    }

    /**
     * A GET whose JSON answer is read by {@code parser} as a stream of tokens: a large answer costs its body and
     * what the parser keeps, not a tree of it. A body that is not such JSON fails like {@link #getJson}'s.
     */
    public <T> T getParsed(String resource, String rawQuery, String metricEndpoint, BodyParser<T> parser) {
        String endpoint = "GET " + address.path(resource);
        URI uri = address.uri(resource, rawQuery);
        return withRetries(endpoint, metricEndpoint, () -> {
            RequestSender.Response response = sender.get(endpoint, metricEndpoint, uri);
            try (JsonParser json = mapper.getFactory().createParser(response.body())) {
                return parser.parse(json);
            } catch (IOException | RuntimeException e) {
                if (e instanceof MagentoException magento) {
                    throw magento;
                }
                throw errors.notJson(endpoint, response.status(), response.contentType(), response.body(), e);
            }
        });
    }

    /**
     * Sends again what may succeed later (429, 503, 5xx, I/O, truncated bodies), a bounded number of times; each
     * 429/503 lowers the store's rate. A renewed credential or a fresh nonce gets one more try after a 401.
     */
    private <T> T withRetries(String endpoint, String metricEndpoint, Supplier<T> call) {
        int attempt = 0;
        boolean reauthenticated = false;
        while (true) {
            try {
                T result = call.get();
                gate.succeeded();
                return result;
            } catch (MagentoException e) {
                if (e.status() == 401 && !reauthenticated && (e.getMessage().contains("nonce") || renewed(endpoint))) {
                    // Never more than once: a missing ACL resource answers the same 401 and no renewal fixes it.
                    reauthenticated = true;
                    metrics.retry(metricEndpoint, "unauthorized");
                    continue;
                }
                if (!e.retryable() || attempt >= retry.maxRetries() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                attempt++;
                if (e.status() == 429 || e.status() == 503) {
                    gate.throttled();
                    metrics.throttled(metricEndpoint);
                }
                metrics.retry(metricEndpoint, e.status() == 0 ? "io" : Integer.toString(e.status()));
                try {
                    Thread.sleep(retry.delay(attempt, e.retryAfter()).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** New credentials after a 401; a failure to get them (e.g. the token endpoint unreachable) names this endpoint. */
    private boolean renewed(String endpoint) {
        try {
            return authenticator.renewAfterUnauthorized();
        } catch (AuthFailureException e) {
            throw new MagentoException(endpoint, 401, e.retryable(), endpoint + " not sent: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String endpoint, RequestSender.Response response) {
        try {
            JsonNode node = mapper.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw errors.notJson(endpoint, response.status(), response.contentType(), response.body(), e);
        }
    }

    @Override
    public void close() {
        // HttpClient holds no resources that need closing on Java 17; kept for the endpoint's lifecycle symmetry.
    }
}
