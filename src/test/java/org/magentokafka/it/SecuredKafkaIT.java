package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.SecuredKafka;
import org.magentokafka.testing.TestKafka;
import java.util.stream.Stream;

/**
 * The connector against secured Kafka as managed services run it (SASL/SCRAM over TLS, SASL/PLAIN over TLS, mutual
 * TLS), configured by environment variables only; and what an operator sees when the password or the CA is wrong.
 */
class SecuredKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> STREAMS = List.of("products", "categories", "cms-pages", "source-items", "product-attributes");
    /** A WARN or ERROR line of a Kafka client ("[o.a.k.c.NetworkClient] ..."). */
    private static final Pattern KAFKA_CLIENT_NOISE = Pattern.compile("\\s(WARN|ERROR)\\s+\\[o\\.a\\.k\\.");
    private static final Pattern STACK_TRACE = Pattern.compile("^\\s+at \\S+\\(|^Caused by: |^\\s+\\.\\.\\. \\d+ more");

    private static SecuredKafka kafka;
    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private final HttpClient http = HttpClient.newHttpClient();

    /** No broker in the shared environment: each connector brings the client settings of the listener it tests. */
    @BeforeAll
    static void start() {
        kafka = SecuredKafka.shared();
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(60).storeCodes(List.of("default")).build())
                .broker(Map.of()).env("MAGENTO_STORE_CODES", "default").start();
        store = environment.store();
    }

    @Test
    void everyStreamTheKafkaStateAndTheLeaseWorkOverScramWithTlsFromEnvironmentVariablesOnly() {
        Map<String, String> env = storeEnv(kafka.scramEnv(SecuredKafka.SCRAM_PASSWORD));
        Map<String, String> topics = new HashMap<>();
        for (String stream : STREAMS) {
            topics.put(stream, TestKafka.uniqueTopic("secured-" + stream));
            env.put("MAGENTO_STREAMS_" + stream.toUpperCase().replace('-', '_') + "_TOPIC", topics.get(stream));
        }
        String stateTopic = TestKafka.uniqueTopic("secured-state");
        env.putAll(Map.of("MAGENTO_STATE_STORE", "kafka", "MAGENTO_STATE_TOPIC", stateTopic,
                "MAGENTO_HA_ENABLED", "true", "MAGENTO_HA_GROUP", TestKafka.uniqueTopic("secured-group"),
                "MAGENTO_HA_LEASE_TOPIC", TestKafka.uniqueTopic("secured-lease"), "MAGENTO_HA_LEASE_TIME", "6s"));
        // What Kubernetes injects for a Service named "kafka": ignored, without a word.
        env.putAll(Map.of("KAFKA_PORT", "tcp://10.96.0.12:9092", "KAFKA_PORT_9092_TCP", "tcp://10.96.0.12:9092",
                "KAFKA_PORT_9092_TCP_ADDR", "10.96.0.12", "KAFKA_PORT_9092_TCP_PORT", "9092", "KAFKA_PORT_9092_TCP_PROTO", "tcp",
                "KAFKA_SERVICE_HOST", "10.96.0.12", "KAFKA_SERVICE_PORT", "9092"));
        try (ConnectorProcess connector = environment.start("secured-scram", env)) {
            connector.awaitLine(Pattern.compile("holds the lease: polling starts"), WAIT);
            connector.awaitLine(Pattern.compile("magento:products synced 60 items"), WAIT);

            assertKeys(topics.get("products"), store.catalog().products().stream().map(p -> p.get("sku").asText()));
            assertKeys(topics.get("categories"), store.catalog().categories().stream().map(c -> c.get("id").asText()));
            assertKeys(topics.get("cms-pages"), store.catalog().cmsPages().stream().map(c -> c.get("id").asText()));
            assertKeys(topics.get("source-items"), store.catalog().sourceItems().stream()
                    .map(s -> s.get("sku").asText() + "|" + s.get("source_code").asText()));
            assertKeys(topics.get("product-attributes"), store.catalog().attributes().stream().map(a -> a.get("attribute_code").asText()));
            assertTrue(kafka.read(stateTopic, 60, WAIT).size() >= 60, "the state store wrote its hashes over SASL_SSL");

            String out = connector.output();
            assertTrue(out.contains("kafka.security.protocol=SASL_SSL") && out.contains("kafka.sasl.jaas.config=****"),
                    "the start-up summary names the settings, secrets masked:\n" + out);
            assertFalse(out.contains(SecuredKafka.SCRAM_PASSWORD) || out.contains(SecuredKafka.STORE_PASSWORD), "no secret in the output");
            assertEquals(List.of(), connector.lines().stream().filter(l -> KAFKA_CLIENT_NOISE.matcher(l).find()
                                                                          || l.contains("KAFKA_PORT") || l.contains("KAFKA_SERVICE")
                                                                          || l.contains("nknown")).toList(),
                    "no Kafka client warning, no word about the Kubernetes variables");
        }
    }

    @Test
    void saslPlainOverTlsAsConfluentCloudUsesItConnectsAndPublishes() {
        publishesProducts("secured-plain", kafka.plainEnv());
    }

    @Test
    void mutualTlsWithAClientCertificateConnectsAndPublishes() {
        publishesProducts("secured-mtls", kafka.mutualTlsEnv());
    }

    @Test
    void aWrongPasswordIsOneClearErrorLineWithReadinessDownAndLivenessUp() throws Exception {
        String wrong = "wrong-Password-0815";
        refusedWithOneLine("secured-wrong-password", kafka.scramEnv(wrong), "Kafka authentication failed (SASL)",
                "kafka.sasl.jaas.config", wrong);
    }

    @Test
    void anUntrustedBrokerCertificateIsOneClearErrorLineWithReadinessDownAndLivenessUp() throws Exception {
        Map<String, String> env = new HashMap<>(kafka.scramEnv(SecuredKafka.SCRAM_PASSWORD));
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.untrustedTruststore().toString());
        refusedWithOneLine("secured-untrusted-ca", env, "Kafka TLS handshake failed", "kafka.ssl.truststore.location",
                SecuredKafka.SCRAM_PASSWORD);
    }

    @Test
    void aMissingClientCertificateOnAMutualTlsListenerIsOneClearErrorLine() throws Exception {
        Map<String, String> env = new HashMap<>(kafka.mutualTlsEnv());
        env.keySet().removeIf(k -> k.startsWith("KAFKA_SSL_KEY"));
        refusedWithOneLine("secured-no-client-certificate", env, "Kafka TLS handshake failed", "kafka.ssl.keystore.location",
                SecuredKafka.STORE_PASSWORD);
    }

    @Test
    void theConnectionCheckSaysWhetherKafkaAcceptsTheConnectorAndWouldCreateTheTopics() {
        ConnectorProcess ok = environment.start("secured-check-ok", storeEnv(kafka.scramEnv(SecuredKafka.SCRAM_PASSWORD)), "--check");
        assertEquals(0, ok.awaitExit(WAIT), ok.output());
        assertTrue(ok.output().matches("(?s).*kafka\\s+" + Pattern.quote(kafka.scramBootstrap()) + "\\s+OK \\(1 broker, authenticated.*"),
                ok.output());

        ConnectorProcess refused = environment.start("secured-check-refused", storeEnv(kafka.scramEnv("wrong-Password-0815")), "--check");
        assertEquals(1, refused.awaitExit(WAIT), refused.output());
        assertTrue(refused.output().matches("(?s).*kafka\\s+\\S+\\s+FAILED: Kafka authentication failed \\(SASL\\).*kafka\\.sasl\\.jaas\\.config.*"),
                refused.output());
        assertFalse(refused.output().contains("wrong-Password-0815"));
    }

    @Test
    void aClientSettingTheConnectorFixesIsRefusedWithOneLineNamingWhatToSetInstead() {
        Map<String, String> env = storeEnv(kafka.scramEnv(SecuredKafka.SCRAM_PASSWORD));
        env.put("KAFKA_COMPRESSION_TYPE", "gzip");
        env.put("KAFKA_SERVICE_HOST", "10.96.0.12");
        ConnectorProcess connector = environment.start("secured-fixed-setting", env);
        assertEquals(1, connector.awaitExit(WAIT), connector.output());
        List<String> errors = connector.lines().stream().filter(l -> l.contains(" ERROR ")).toList();
        assertEquals(1, errors.size(), connector.output());
        assertTrue(errors.get(0).contains("kafka.compression.type (env KAFKA_COMPRESSION_TYPE) is fixed by the connector")
                   && errors.get(0).contains("magento.kafka.compression"), errors.get(0));
        assertFalse(connector.output().contains("KAFKA_SERVICE_HOST"), connector.output());
    }

    @Test
    void aTruststoreTheGivenPasswordDoesNotOpenStopsTheStartWithOneLine() {
        Map<String, String> env = storeEnv(kafka.scramEnv(SecuredKafka.SCRAM_PASSWORD));
        env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", "not-the-Store-Password");
        ConnectorProcess connector = environment.start("secured-truststore-password", env);
        assertEquals(1, connector.awaitExit(WAIT), connector.output());
        List<String> errors = connector.lines().stream().filter(l -> l.contains(" ERROR ")).toList();
        assertEquals(1, errors.size(), connector.output());
        assertTrue(errors.get(0).contains("kafka.ssl.truststore.location=" + kafka.truststore() + " cannot be opened as PKCS12")
                   && errors.get(0).contains("check kafka.ssl.truststore.password"), errors.get(0));
        assertFalse(connector.output().contains("not-the-Store-Password"));
        assertEquals(List.of(), connector.lines().stream().filter(l -> STACK_TRACE.matcher(l).find()).toList());
    }

    private void publishesProducts(String name, Map<String, String> kafkaEnv) {
        Map<String, String> env = storeEnv(kafkaEnv);
        onlyProducts(env);
        String topic = TestKafka.uniqueTopic(name);
        env.put("MAGENTO_STREAMS_PRODUCTS_TOPIC", topic);
        try (ConnectorProcess connector = environment.start(name, env)) {
            connector.awaitLine(Pattern.compile("magento:products synced 60 items"), WAIT);
            assertKeys(topic, store.catalog().products().stream().map(p -> p.get("sku").asText()));
            assertEquals(List.of(), connector.lines().stream().filter(l -> KAFKA_CLIENT_NOISE.matcher(l).find()).toList());
            assertFalse(connector.output().contains(SecuredKafka.PLAIN_PASSWORD) || connector.output().contains(SecuredKafka.STORE_PASSWORD));
        }
    }

    private void refusedWithOneLine(String name, Map<String, String> kafkaEnv, String kind, String property, String secret)
            throws Exception {
        Map<String, String> env = storeEnv(kafkaEnv);
        onlyProducts(env);
        env.put("MAGENTO_POLL_INTERVAL", "1s");
        env.put("MAGENTO_ERROR_BACKOFF_MAX", "1s");
        env.put("MAGENTO_STREAMS_PRODUCTS_TOPIC", TestKafka.uniqueTopic(name));
        try (ConnectorProcess connector = environment.start(name, env)) {
            int port = connector.httpPort(WAIT);
            String line = connector.awaitLine(Pattern.compile(" ERROR .*" + Pattern.quote(kind)), WAIT);
            assertTrue(line.contains(property), line);
            // Several polls and many reconnects of every client later: still that one line.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (connector.count(Pattern.compile("magento:products poll failed")) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(connector.count(Pattern.compile("magento:products poll failed")) >= 3, connector.output());

            HttpResponse<String> ready = get(port, "/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"kafka\"") && ready.body().contains(kind) && ready.body().contains(property), ready.body());
            HttpResponse<String> live = get(port, "/q/health/live");
            assertEquals(200, live.statusCode(), live.body());
            assertTrue(connector.isAlive());

            List<String> lines = connector.lines();
            assertEquals(1, lines.stream().filter(l -> l.contains(" ERROR ")).count(), connector.output());
            assertEquals(List.of(), lines.stream().filter(l -> STACK_TRACE.matcher(l).find()).toList(), "no stack trace");
            assertEquals(List.of(), lines.stream().filter(l -> KAFKA_CLIENT_NOISE.matcher(l).find()).toList(), "Kafka's own lines are folded into it");
            assertFalse(connector.output().contains(secret) || ready.body().contains(secret), "no secret in the output or health");
        }
    }

    /** What one connector adds to the shared environment: its broker's client settings. */
    private static Map<String, String> storeEnv(Map<String, String> kafkaEnv) {
        return new HashMap<>(kafkaEnv);
    }

    private static void onlyProducts(Map<String, String> env) {
        for (String stream : STREAMS.subList(1, STREAMS.size())) {
            env.put("MAGENTO_STREAMS_" + stream.toUpperCase().replace('-', '_') + "_ENABLED", "false");
        }
    }

    private static void assertKeys(String topic, Stream<String> expectedKeys) {
        Set<String> expected = expectedKeys.collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = kafka.read(topic, expected.size(), WAIT);
        assertEquals(expected, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), topic);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
