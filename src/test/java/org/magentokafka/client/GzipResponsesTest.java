package org.magentokafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.BearerAuthenticator;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.sandbox.Faults;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;

/**
 * The connector's client against the simulator over real HTTP, with the simulator's web server compressing
 * (as nginx in front of Magento does) or not: pages decode to the same items, the metrics say what came
 * compressed and how many bytes crossed the wire, and a cut gzip stream is a retryable failure on one line.
 */
class GzipResponsesTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private SandboxStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        registry.close();
    }

    private MagentoClient client(SandboxOptions.Builder options, int maxRetries) {
        store = SandboxStore.start(options.productCount(120).storeCodes(List.of("default")).build());
        return new MagentoClient(new StoreAddress(store.baseUrl(), "/rest", "default"),
                new BearerAuthenticator(store.options().accessToken()), new StoreGate(4),
                new NetworkSettings(null, 0, null, null, "PKCS12").httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(30),
                new ObjectMapper(), new RetryPolicy(maxRetries, Duration.ofMillis(1), Duration.ofMillis(5)),
                new ClientMetrics(registry));
    }

    private double metric(String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{endpoint=\"/V1/products\",}") + " (\\S+)$")
                .matcher(registry.scrape());
        assertTrue(m.find(), name + " not exported:\n" + registry.scrape());
        return Double.parseDouble(m.group(1));
    }

    private long wireBytes() {
        return store.requests().all().stream().mapToLong(LoggedRequest::responseBytes).sum();
    }

    @Test
    void compressedPagesDecodeToTheSameItemsAndAreCounted() {
        MagentoClient client = client(SandboxOptions.builder(), 0);
        Page page = client.fetchPage("/V1/products", SearchCriteria.paged(100).sortedBy("entity_id", "ASC"));

        assertEquals(120, page.totalCount());
        assertEquals(100, page.items().size());
        assertEquals("gzip", store.requests().all().get(0).header("Accept-Encoding"));
        List<String> expected = store.catalog().products().stream()
                .sorted(Comparator.comparingLong(p -> p.get("id").asLong())).limit(100).map(p -> p.get("sku").asText()).toList();
        assertEquals(expected, page.items().stream().map(item -> String.valueOf(item.get("sku"))).toList());

        assertEquals(1.0, metric("magento_responses_compressed_total"), 0.0);
        assertEquals(wireBytes(), metric("magento_received_bytes_total"), 0.0, "bytes as they crossed the wire");
        assertTrue(wireBytes() * 3 < new ObjectMapper().valueToTree(page.items()).toString().length(),
                "compressed: " + wireBytes() + " bytes for 100 products");
    }

    @Test
    void aStoreThatDoesNotCompressStillWorksAndShowsNoCompressedAnswers() {
        MagentoClient client = client(SandboxOptions.builder().gzip(false), 0);
        Page page = client.fetchPage("/V1/products", SearchCriteria.paged(100).sortedBy("entity_id", "ASC"));

        assertEquals(100, page.items().size());
        assertEquals(0.0, metric("magento_responses_compressed_total"), 0.0, "exported at 0, so a non-compressing store shows");
        assertEquals(wireBytes(), metric("magento_received_bytes_total"), 0.0);
    }

    @Test
    void aCutGzipStreamIsRetriedThenReportedOnOneLineNamingTheEndpoint() {
        MagentoClient client = client(SandboxOptions.builder().faults(Faults.builder().rateTruncated(1.0).build()), 2);

        MagentoException e = assertThrows(MagentoException.class,
                () -> client.fetchPage("/V1/products", SearchCriteria.paged(100)));

        assertTrue(e.retryable());
        assertEquals(3, store.requests().size(), "sent again, like any truncated body");
        assertTrue(e.getMessage().startsWith("GET /rest/default/V1/products page 1 returned a gzip body that does not decode ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("a proxy or a failing store cut the answer. Retrying with back-off"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(3.0, metric("magento_responses_compressed_total"), 0.0);
        assertEquals(wireBytes(), metric("magento_received_bytes_total"), 0.0);
    }
}
