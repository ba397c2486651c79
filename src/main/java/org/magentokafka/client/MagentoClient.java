package org.magentokafka.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.auth.AuthFailureException;
import org.magentokafka.auth.Authenticator;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;

/**
 * Talks to one store view over HTTP: GET only (the connector is read-only towards the store), every request
 * through the store's {@link StoreGate}, every failure translated into a {@link MagentoException} that names
 * the endpoint. One instance per endpoint, created in the endpoint's start and closed in its stop.
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

    public MagentoClient(StoreAddress address, Authenticator authenticator, StoreGate gate, Duration connectTimeout,
                         Duration requestTimeout, ObjectMapper mapper) {
        this.address = address;
        this.authenticator = authenticator;
        this.gate = gate;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
        this.errors = new ErrorTranslator(mapper);
        // Never follow redirects: a redirect to a login or home page means a wrong URL, which must be reported.
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
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
                       + (fields == null ? "" : "&fields=" + SearchCriteria.PercentEncoding.encode(fields));
        Response response = get(endpoint, address.uri(resource, query));
        JsonNode json = parse(endpoint, response);
        JsonNode total = json.get("total_count");
        JsonNode items = json.get("items");
        if (total == null || !total.canConvertToLong() && !total.isTextual()) {
            throw new MagentoException(endpoint, response.status, true, endpoint
                                                                        + " returned a body without a numeric total_count: not a searchCriteria result."
                                                                        + " Check magento.rest-path and that the store runs Magento 2. Retrying with back-off");
        }
        long totalCount = total.isTextual() ? Long.parseLong(total.asText().strip()) : total.asLong();
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
        String endpoint = "GET " + address.path(resource);
        return parse(endpoint, get(endpoint, address.uri(resource, rawQuery)));
    }

    private JsonNode parse(String endpoint, Response response) {
        try {
            JsonNode node = mapper.readTree(response.body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw errors.notJson(endpoint, response.status, response.contentType, response.body, e);
        }
    }

    private Response get(String endpoint, URI uri) {
        try {
            return send(endpoint, uri);
        } catch (MagentoException e) {
            // Once: a renewed admin token, or a fresh nonce after a nonce rejection. Never more, because a missing
            // ACL resource answers the same 401 and no renewal fixes it.
            if (e.status() == 401 && (e.getMessage().contains("nonce") || authenticator.renewAfterUnauthorized())) {
                return send(endpoint, uri);
            }
            throw e;
        }
    }

    private Response send(String endpoint, URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET();
        try {
            authenticator.authenticate(request, "GET", uri);
        } catch (AuthFailureException e) {
            throw new MagentoException(endpoint, 401, e.retryable(), endpoint + " not sent: " + e.getMessage(), e);
        }
        HttpResponse<byte[]> response;
        try {
            gate.acquire();
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                gate.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagentoException(endpoint, 0, true, endpoint + " was interrupted (the connector is stopping)", e);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw unreachable(endpoint, e);
        } catch (HttpTimeoutException e) {
            throw new MagentoException(endpoint, 0, true, endpoint + " timed out after " + requestTimeout.toMillis()
                                                          + " ms: the store is slow; lower magento.page-size or raise magento.read-timeout. Retrying with back-off",
                    e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw unreachable(endpoint, e);
            }
            throw new MagentoException(endpoint, 0, true, endpoint + " failed: " + ErrorTranslator.oneLine(String.valueOf(e))
                                                          + ". Retrying with back-off",
                    e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int status = response.statusCode();
        if (status == 200) {
            return new Response(status, contentType, body);
        }
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("?");
            throw new MagentoException(endpoint, status, false, endpoint + " was redirected (" + status + ") to "
                                                                + stripQuery(location)
                                                                + ": magento.base-url is not the store's URL (http vs https, www, or a different domain). Use the URL it redirects to");
        }
        throw errors.translate(endpoint, status, contentType, body);
    }

    private MagentoException unreachable(String endpoint, Exception e) {
        return new MagentoException(endpoint, 0, true, endpoint + " could not connect to " + address.baseUrl() + " ("
                                                       + e.getClass().getSimpleName()
                                                       + "): the store is unreachable. Check magento.base-url, DNS, firewall and proxy. Retrying with back-off",
                e);
    }

    private static String stripQuery(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q);
    }

    @Override
    public void close() {
        // HttpClient holds no resources that need closing on Java 17; kept for the endpoint's lifecycle symmetry.
    }

    private record Response(int status, String contentType, String body) {
    }
}
