package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Answers every request the way a Magento store behind a web server would, in Magento's order:
 * front layers (maintenance, WAF, missing host path) → store code in the path → route match (404)
 * → ACL (401) → GET with store code "all" (400) → input validation (400) → the service → fields= ({@link
 * FieldsProjection}). Injected {@link Faults} wrap this for GETs in the REST area (concurrency limit, latency, 429/503
 * in front, 500 or truncation of a 200 behind); the web server's gzip ({@link GzipCompression}) encodes what leaves.
 */
final class SandboxHandler implements HttpHandler {

    private static final Set<String> REST_METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final SandboxOptions options;
    private final RequestAuthenticator authenticator;
    private final RestRoutes routes;
    private final SandboxCatalog catalog;
    private final SandboxCatalog emptyCatalog;
    private final StoreViews storeViews;
    private final RequestLog log;
    private final Supplier<Scenario> scenario;
    private final Supplier<String> baseUrl;
    private final SearchQueryParser criteriaParser;
    private final Clock clock;
    private final OAuthTokenEndpoints tokenEndpoints;
    private final FaultInjector faults;
    private final GuestAccess guestAccess;
    private final GzipCompression gzip;

    SandboxHandler(SandboxOptions options, RequestAuthenticator authenticator, RestRoutes routes, SandboxCatalog catalog,
                   SandboxCatalog emptyCatalog, StoreViews storeViews, RequestLog log,
                   Supplier<Scenario> scenario, Supplier<String> baseUrl, OAuthTokenEndpoints tokenEndpoints,
                   FaultInjector faults) {
        this.options = options;
        this.authenticator = authenticator;
        this.routes = routes;
        this.catalog = catalog;
        this.emptyCatalog = emptyCatalog;
        this.storeViews = storeViews;
        this.log = log;
        this.scenario = scenario;
        this.baseUrl = baseUrl;
        this.criteriaParser = new SearchQueryParser(options.maxPageSize());
        this.clock = options.clock();
        this.tokenEndpoints = tokenEndpoints;
        this.faults = faults;
        this.guestAccess = new GuestAccess(options.anonymousGuestAccess());
        this.gzip = new GzipCompression(options.gzip());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            QueryString query = QueryString.parse(uri.getRawQuery());
            Map<String, String> headers = headers(exchange);
            boolean faultable = "GET".equals(method) && RestPath.parse(uri.getRawPath(), storeViews.codes()).isPresent();
            FaultPlan plan = faultable ? faults.begin() : FaultPlan.inactive();
            HttpAnswer answer;
            try {
                answer = faultedAnswer(plan, method, uri, query, headers, body);
            } finally {
                // Out of flight before any byte is written: see FaultInjector.
                plan.end();
            }
            log.add(new LoggedRequest(method, uri.getRawPath(), query.asMap(), headers, answer.status(), clock.instant(),
                    plan.applied(), "HEAD".equals(method) ? 0 : answer.body().length, answer.personalData()));
            send(exchange, method, answer);
        }
    }

    /**
     * Fault injection around Magento's answer, in the order {@link Faults} documents. The configured latency is the
     * store's response time: the answer leaves {@code latencyMillis} after the request arrived, the sandbox's own
     * work included (it only adds when it takes longer), so a benchmark measures the client, not the simulator.
     */
    private HttpAnswer faultedAnswer(FaultPlan plan, String method, URI uri, QueryString query,
                                     Map<String, String> headers, String body) {
        long arrived = System.nanoTime();
        HttpAnswer refusal = plan.refusal();
        if (refusal != null) {
            return refusal;
        }
        plan.delay();
        try {
            // Compressed within the response time, like the web server in front of Magento; a truncation then cuts
            // the bytes that go on the wire.
            HttpAnswer answer = frontOrService(plan, method, uri, query, headers, body);
            return plan.onTheWire(gzip.encode(answer, headers.get("accept-encoding")));
        } finally {
            pauseUntil(arrived + options.latencyMillis() * 1_000_000L + deepOffsetNanos(query));
        }
    }

    private HttpAnswer frontOrService(FaultPlan plan, String method, URI uri, QueryString query,
                                      Map<String, String> headers, String body) {
        HttpAnswer front = plan.frontLayer();
        if (front != null) {
            return front;
        }
        HttpAnswer answer;
        try {
            answer = answer(plan, method, uri, query, headers, body);
        } catch (MagentoError e) {
            answer = HttpAnswer.error(e);
        } catch (RuntimeException e) {
            // Anything unexpected is masked the way Magento masks non-localized exceptions.
            System.err.println("sandbox: unexpected failure on " + method + " " + uri.getRawPath() + ": " + e);
            answer = HttpAnswer.error(MagentoError.internalError(ReportIds.next()));
        }
        return plan.afterService(answer);
    }

    private HttpAnswer answer(FaultPlan plan, String method, URI uri, QueryString query, Map<String, String> headers, String body) {
        Scenario current = scenario.get();
        switch (current) {
            case MAINTENANCE_HTML_503:
                return HtmlPages.maintenance();
            case WAF_HTML_403:
                return HtmlPages.wafBlock();
            case NOT_FOUND_ALL:
                return HtmlPages.webServerNotFound();
            default:
                break;
        }
        URI absolute = absolute(uri, headers);
        if ("POST".equals(method) && OAuthTokenEndpoints.handles(uri.getRawPath())) {
            return tokenEndpoints.answer(method, absolute, headers, body);
        }
        Optional<RestPath> parsed = RestPath.parse(uri.getRawPath(), storeViews.codes());
        if (parsed.isEmpty()) {
            return HtmlPages.storefrontNotFound();
        }
        RestPath path = parsed.get();
        if (!REST_METHODS.contains(method)) {
            return HttpAnswer.error(MagentoError.of(400, "Request method is invalid."));
        }
        List<String> segments = path.segments();
        if (segments.isEmpty() || !"V1".equals(segments.get(0))) {
            throw MagentoError.routeNotFound();
        }
        RestRoutes.Match match = routes.find(method, segments.subList(1, segments.size()))
                .orElseThrow(MagentoError::routeNotFound);
        String resource = match.route().resource();
        if (!AclResources.ANONYMOUS.equals(resource) && !guestAccess.opens(match.route())) {
            Set<String> granted = authenticator.grantedResources(new AuthRequest(method, absolute, headers, query.asMap()));
            if (granted == null || !granted.contains(resource)) {
                throw MagentoError.notAuthorized(resource);
            }
        }
        if (path.allStores() && "GET".equals(method)) {
            throw MagentoError.of(400, "Cannot perform GET operation with store code 'all'");
        }
        StoreView store = path.storeCode() == null ? storeViews.defaultView() : storeViews.byCode(path.storeCode()).orElseThrow();
        SandboxCatalog data = current == Scenario.EMPTY_CATALOG ? emptyCatalog : catalog;
        RestCall call = new RestCall(store, match.params(), query, data, criteriaParser, baseUrl.get(), body, plan);
        if (current == Scenario.INTERNAL_ERROR_500) {
            call.searchCriteria();  // input validation still happens before the service fails
            throw MagentoError.internalError(ReportIds.next());
        }
        JsonNode result = match.route().endpoint().handle(call);
        if (plan.faults().inconsistentLists().apply(result)) {
            plan.record(Faults.Kind.INCONSISTENT_LIST);
        }
        return HttpAnswer.json(200, FieldsProjection.apply(query, result));
    }

    /**
     * What a deep page costs MySQL on top of the usual response time: the rows before it are read and discarded
     * (see SandboxOptions#offsetCostMicros).
     */
    private long deepOffsetNanos(QueryString query) {
        if (options.offsetCostMicros() <= 0) {
            return 0;
        }
        try {
            long page = Long.parseLong(query.asMap().getOrDefault("searchCriteria[currentPage]", "1").trim());
            long size = Long.parseLong(query.asMap().getOrDefault("searchCriteria[pageSize]", "0").trim());
            return page <= 1 ? 0 : (page - 1) * size * options.offsetCostMicros() * 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void pauseUntil(long deadlineNanos) {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        return headers;
    }

    /**
     * The URL as the client addressed it: OAuth signs the host the client used (Host header), which need not be
     * the 127.0.0.1 of {@link SandboxStore#baseUrl()}, e.g. "localhost".
     */
    private URI absolute(URI uri, Map<String, String> headers) {
        String host = headers.get("host");
        String scheme = baseUrl.get().substring(0, baseUrl.get().indexOf("://") + 3);
        String origin = host == null || host.isBlank() ? baseUrl.get() : scheme + host.strip();
        try {
            return URI.create(origin + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException badHost) {
            return URI.create(baseUrl.get() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
    }

    private static void send(HttpExchange exchange, String method, HttpAnswer answer) throws IOException {
        var responseHeaders = exchange.getResponseHeaders();
        responseHeaders.set("Content-Type", answer.contentType());
        answer.headers().forEach(responseHeaders::set);
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
