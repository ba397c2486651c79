package org.magentokafka.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.magentokafka.auth.AuthFailureException;
import org.magentokafka.auth.Authenticator;
import org.magentokafka.net.BoundedBody;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.net.OneLine;
import org.magentokafka.net.ResponseBody;

/**
 * One GET of {@link MagentoClient}, sent once: authenticated, through the store's {@link StoreGate} (a scan's after
 * its slot of the {@link ScanBudget}), whole within the request timeout and at most {@code maxBodyBytes}, counted in
 * the client metrics; any answer but a 200 becomes a {@link MagentoException} that names the endpoint. Whether to
 * send it again is the client's business.
 */
final class RequestSender {

    private final StoreAddress address;
    private final Authenticator authenticator;
    private final StoreGate gate;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ErrorTranslator errors;
    private final ClientMetrics metrics;
    /** Null for foreground requests; a scan's requests (retries too) each take a slot of it and enter as background. */
    private final ScanBudget budget;
    /** The largest answer read, on the wire and decoded (magento.max-response-bytes). */
    private final long maxBodyBytes;

    RequestSender(StoreAddress address, Authenticator authenticator, StoreGate gate, HttpClient http,
                  Duration requestTimeout, ErrorTranslator errors, ClientMetrics metrics, ScanBudget budget,
                  long maxBodyBytes) {
        this.address = address;
        this.authenticator = authenticator;
        this.gate = gate;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.errors = errors;
        this.metrics = metrics;
        this.budget = budget;
        this.maxBodyBytes = maxBodyBytes;
    }

    Response get(String endpoint, String metricEndpoint, URI uri) {
        long started = System.nanoTime();
        int status = 0;
        try {
            Response response = send(endpoint, metricEndpoint, uri);
            status = response.status;
            return response;
        } catch (MagentoException e) {
            status = e.status();
            throw e;
        } finally {
            metrics.request(metricEndpoint, status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Response send(String endpoint, String metricEndpoint, URI uri) {
        HttpRequest.Builder request = ResponseBody.acceptGzip(HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET());
        try {
            authenticator.authenticate(request, "GET", uri);
        } catch (AuthFailureException e) {
            throw new MagentoException(endpoint, 401, e.retryable(), endpoint + " not sent: " + e.getMessage(), e);
        }
        HttpResponse<byte[]> response;
        try {
            if (budget == null) {
                gate.acquire();
            } else {
                budget.acquire();
                gate.acquireBackground();
            }
            try {
                response = sendBounded(request.build());
            } finally {
                gate.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagentoException(endpoint, 0, true, endpoint + " was interrupted (the connector is stopping)", e);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw unreachable(endpoint, e);
        } catch (BoundedBody.TooLargeException e) {
            throw new MagentoException(endpoint, 0, true, endpoint + " returned " + e.getMessage() + ", more than any page"
                                                          + " needs (magento.max-response-bytes): a broken proxy or a store ignoring the page size."
                                                          + " Retrying with back-off", e);
        } catch (HttpTimeoutException e) {
            throw new MagentoException(endpoint, 0, true, endpoint + " timed out after " + requestTimeout.toMillis()
                                                          + " ms: the store is slow; lower magento.page-size or raise magento.read-timeout. Retrying with back-off",
                    e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw unreachable(endpoint, e);
            }
            String tls = NetworkSettings.tlsProblem(e);
            if (tls != null) {
                // The JDK says "PKIX path building failed", which names no setting: say which one fixes it. Sending the
                // same request again cannot help; the next poll tries again (a renewed certificate).
                throw new MagentoException(endpoint, 0, false, endpoint + " failed: " + tls + ". Retrying with back-off", e);
            }
            throw new MagentoException(endpoint, 0, true, endpoint + " failed: " + OneLine.of(String.valueOf(e))
                                                          + ". Retrying with back-off",
                    e);
        }
        String body = decoded(endpoint, metricEndpoint, response);
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
        throw errors.translate(endpoint, status, contentType, body)
                .withRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Counted as received (on the wire), then decoded before anything reads it: pages and error bodies alike. */
    private String decoded(String endpoint, String metricEndpoint, HttpResponse<byte[]> response) {
        ResponseBody body = ResponseBody.of(response, maxBodyBytes);
        metrics.received(metricEndpoint, body.wireBytes(), body.compressed());
        try {
            return body.text();
        } catch (ResponseBody.UndecodableBodyException e) {
            throw new MagentoException(endpoint, response.statusCode(), e.retryable(), endpoint + " returned "
                                                                                       + e.getMessage() + ". Retrying with back-off", e);
        }
    }

    /**
     * The answer, whole, within the request timeout: the JDK's timeout ends at the response headers, so a body that
     * trickles a byte a second would otherwise hold a slot of the store's gate for as long as the peer likes. At most
     * {@code maxBodyBytes} are read.
     */
    private HttpResponse<byte[]> sendBounded(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, BoundedBody.handler(maxBodyBytes));
        try {
            return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("the whole answer did not arrive in time");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
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

    record Response(int status, String contentType, String body) {
    }
}
