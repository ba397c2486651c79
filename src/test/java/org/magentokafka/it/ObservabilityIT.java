package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;

/** What an operator sees of a running connector: readiness per stream and Prometheus metrics. */
class ObservabilityIT {

    private static final int PRODUCTS = 120;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessAndMetricsShowWhatThePollsDidAndReadinessTurnsDownWhenTheStoreIsGone() throws Exception {
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build())
                .topic("products", "observed")
                .otherStreamsDisabled()
                .pollInterval("300ms")
                .env("MAGENTO_ERROR_BACKOFF_MAX", "600ms")
                .env("MAGENTO_RETRY_MAX_RETRIES", "0")
                .start()) {
            SandboxStore store = environment.store();
            try (ConnectorProcess connector = environment.start("observability")) {
                int port = connector.httpPort(Duration.ofSeconds(60));
                connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items"), Duration.ofSeconds(60));

                HttpResponse<String> ready = get(port, "/q/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
                JsonNode streams = check(ready.body(), "magento-streams");
                assertEquals("UP", streams.get("status").asText());
                assertEquals(0, streams.get("data").get("products.failed-polls").asInt());
                assertTrue(streams.get("data").get("products.last-success-age-seconds").asLong() >= 0);

                String metrics = get(port, "/q/metrics").body();
                assertTrue(value(metrics, "magento_requests_total\\{endpoint=\"/V1/products\",status=\"200\"\\}") >= 1, metrics);
                assertTrue(value(metrics, "magento_request_duration_seconds_count\\{endpoint=\"/V1/products\"\\}") >= 1);
                // The simulator compresses like nginx in front of Magento: the connector asked for gzip and got it.
                assertTrue(value(metrics, "magento_responses_compressed_total\\{endpoint=\"/V1/products\"\\}") >= 1, metrics);
                assertTrue(value(metrics, "magento_received_bytes_total\\{endpoint=\"/V1/products\"\\}") > 0, metrics);
                // Items read include re-reads of the watermark overlap by later polls; events count real changes only.
                assertTrue(value(metrics, "magento_items_total\\{store=\"default\",stream=\"products\"\\}") >= PRODUCTS, metrics);
                assertEquals(PRODUCTS, value(metrics, "magento_events_total\\{stream=\"products\",type=\"created\"\\}"), 0.0);
                assertTrue(value(metrics, "magento_poll_last_success\\{stream=\"products\"\\}") > 1.7e9, "epoch seconds");
                assertTrue(value(metrics, "magento_sync_pages_total\\{stream=\"products\"\\}") >= 1);

                store.stop();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                HttpResponse<String> down = get(port, "/q/health/ready");
                while (!"DOWN".equals(check(down.body(), "magento-streams").get("status").asText()) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    down = get(port, "/q/health/ready");
                }
                assertEquals(503, down.statusCode(), "readiness DOWN after failed polls: " + down.body());
                assertTrue(check(down.body(), "magento-streams").get("data").get("products.problem").asText().contains("could not connect"),
                        down.body());
                assertTrue(value(get(port, "/q/metrics").body(), "magento_requests_total\\{endpoint=\"/V1/products\",status=\"0\"\\}") >= 1,
                        "failed requests counted with status 0");
            }
        }
    }

    @Test
    void freshnessIsExportedPerStreamAndReadinessTurnsDownWhenAStreamIsStalerThanItsExpectedCycles() throws Exception {
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build())
                .topic("products", "fresh")
                .topic("source-items", "fresh-stock")
                .otherStreamsDisabled()
                .pollInterval("1s")
                // Only freshness may turn readiness DOWN here: failed polls are allowed without limit.
                .env("MAGENTO_HEALTH_MAX_FAILED_POLLS", "1000000")
                .env("MAGENTO_ERROR_BACKOFF_MAX", "2s")
                .env("MAGENTO_RETRY_MAX_RETRIES", "0")
                .start()) {
            SandboxStore store = environment.store();
            try (ConnectorProcess connector = environment.start("freshness")) {
                int port = connector.httpPort(Duration.ofSeconds(60));
                connector.awaitLine(Pattern.compile("magento:products synced " + PRODUCTS + " items"), Duration.ofSeconds(60));
                connector.awaitLine(Pattern.compile("magento:source-items synced \\d+ items"), Duration.ofSeconds(60));

                String metrics = get(port, "/q/metrics").body();
                double freshness = value(metrics, "magento_freshness_seconds\\{stream=\"products\"\\}");
                assertTrue(freshness >= 0 && freshness < 60, "seconds since the last successful poll, not an epoch: " + metrics);
                double expected = value(metrics, "magento_freshness_expected_seconds\\{stream=\"products\"\\}");
                assertTrue(expected >= 1 && expected < 60, "poll interval (1 s) plus the poll's duration: " + expected);
                assertTrue(isNaN(metrics, "magento_scan_cycle_seconds\\{stream=\"products\"\\}"),
                        "no scan cycle for a stream polled by change timestamp: " + metrics);
                double stock = value(metrics, "magento_freshness_seconds\\{stream=\"source-items\"\\}");
                assertTrue(stock >= 0 && stock < 60, "the oldest page of the scan is that of the last complete cycle: " + metrics);
                assertTrue(value(metrics, "magento_scan_cycle_seconds\\{stream=\"source-items\"\\}") >= 0,
                        "the scan's cycle is exported once its first page gave the store's size: " + metrics);
                assertTrue(metrics.contains("# HELP magento_freshness_seconds How old the stream's data in Kafka can be"), metrics);

                JsonNode streams = check(get(port, "/q/health/ready").body(), "magento-streams");
                assertEquals("UP", streams.get("status").asText(), streams.toString());
                assertTrue(streams.get("data").get("products.freshness-seconds").asLong() >= 0, streams.toString());
                assertTrue(streams.get("data").get("products.expected-cycle-seconds").asLong() >= 1, streams.toString());

                store.stop();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                JsonNode stale = check(get(port, "/q/health/ready").body(), "magento-streams");
                while (!stale.get("data").has("products.problem") && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    stale = check(get(port, "/q/health/ready").body(), "magento-streams");
                }
                assertEquals("DOWN", stale.get("status").asText(), stale.toString());
                assertTrue(stale.get("data").get("products.problem").asText().matches("products: last successful poll \\d+ s ago,"
                        + " over 3 expected cycles of \\d+ s \\(magento.health.max-freshness-cycles=3\\); last poll: .*could not connect.*"),
                        "stale, and why: " + stale.toString());
            }
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(String health, String name) throws Exception {
        for (JsonNode c : new ObjectMapper().readTree(health).get("checks")) {
            if (name.equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private static boolean isNaN(String metrics, String series) {
        return Pattern.compile("(?m)^" + series + " NaN$").matcher(metrics).find();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
