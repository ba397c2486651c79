package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectProxy;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.PrivateCa;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.SandboxCredentials;
import org.magentokafka.testing.TestKafka;

/**
 * A store inside a company network: served over HTTPS with a certificate of the company's own CA, under a host
 * name only the company's HTTP proxy resolves. Every request of every authentication mode — catalog GETs, the
 * admin token and 2FA endpoints, the handshake's token exchange — must go through magento.proxy.* and trust
 * magento.tls.truststore, or it cannot reach the store at all.
 */
class ProxyAndPrivateCaIT {

    /** Reserved for testing (RFC 2606): resolves nowhere, except in the proxy. */
    private static final String HOST = "magento.test";
    private static final int PRODUCTS = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SYNCED = Pattern.compile("magento:products synced " + PRODUCTS + " items");
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private static PrivateCa ca;
    private static ConnectProxy proxy;
    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private ConnectorProcess connector;

    @BeforeAll
    static void startStoreBehindProxy() {
        ca = PrivateCa.forHosts(HOST);
        proxy = ConnectProxy.start(Map.of(HOST, "127.0.0.1"));
        environment = behindTheProxy(httpsStore().adminTotpSecret(TOTP_SECRET).build());
        store = environment.store();
    }

    /** Every connector stopped after its test; the store closes with the environment. */
    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @AfterEach
    void stopConnector() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void bearerRequestsGoThroughTheProxyToTheHttpsStore() {
        assertProductsArriveThroughTheProxy("bearer", environment, SandboxCredentials.bearer(store));
    }

    @Test
    void theAdminTokenAndTwoFactorEndpointsGoThroughTheProxyToo() {
        store.requests().clear();
        assertProductsArriveThroughTheProxy("admin-2fa", environment, SandboxCredentials.admin(store));
        assertEquals(1, store.requests().matching("/V1/tfa/provider/google/authenticate").size(),
                "the token came from the store, through the proxy: the store's name resolves nowhere else");
    }

    @Test
    void oauth1SignsTheHttpsUrlAndGoesThroughTheProxy() {
        assertProductsArriveThroughTheProxy("oauth1", environment, SandboxCredentials.oauth1(store, "HMAC-SHA256"));
    }

    @Test
    void theHandshakeTokenExchangeGoesThroughTheProxy() {
        // Activation replaces the integration's tokens: a store of its own.
        try (ConnectorEnvironment handshake = behindTheProxy(httpsStore().build())) {
            SandboxStore handshakeStore = handshake.store();
            proxy.clear();
            Path credentials = Path.of("target/it-state/proxy-handshake-" + System.nanoTime() + "/oauth.properties").toAbsolutePath();
            String topic = TestKafka.uniqueTopic("proxy-handshake");
            connector = start("handshake", handshake, topic, Map.of("MAGENTO_AUTH_MODE", "handshake",
                    "MAGENTO_AUTH_CREDENTIALS_FILE", credentials.toString()), true);
            connector.awaitLine(Pattern.compile("not activated yet"), WAIT);
            int status = handshakeStore.activateIntegration(URI.create("http://127.0.0.1:" + connector.httpPort(WAIT) + "/magento/callback"));
            assertEquals(200, status);
            connector.awaitLine(SYNCED, WAIT);
            assertFalse(handshakeStore.requests().matching("/oauth/token/access").isEmpty(), "the exchange reached the store");
            assertOnlyTheStoreWasTunnelledTo(handshakeStore);
        }
    }

    @Test
    void withoutTheTruststoreTheCheckSaysTheCertificateIsUntrustedAndNamesTheSetting() {
        for (Map<String, String> auth : List.of(SandboxCredentials.bearer(store), SandboxCredentials.admin(store))) {
            Map<String, String> env = connectorEnv(TestKafka.uniqueTopic("proxy-untrusted"), auth, false);
            env.put("MAGENTO_RETRY_MAX_RETRIES", "0");
            ConnectorProcess check = environment.start("proxy-untrusted-" + auth.get("MAGENTO_AUTH_MODE"), env, "--check");
            assertEquals(1, check.awaitExit(WAIT), check.output());
            String line = check.lines().stream().filter(l -> l.contains("products") && l.contains("GET /rest/"))
                    .findFirst().orElseThrow(() -> new AssertionError(check.output()));
            assertTrue(line.contains("TLS certificate is not trusted") && line.contains("magento.tls.truststore"), line);
            assertFalse(check.output().contains("\tat "), "no stack trace:\n" + check.output());
        }
    }

    private void assertProductsArriveThroughTheProxy(String name, ConnectorEnvironment target, Map<String, String> auth) {
        proxy.clear();
        String topic = TestKafka.uniqueTopic("proxy-" + name);
        connector = start(name, target, topic, auth, true);
        connector.awaitLine(SYNCED, WAIT);
        List<ConsumerRecord<String, String>> records = TestKafka.readAtLeast(topic, PRODUCTS, WAIT);
        assertEquals(PRODUCTS, Records.latestByKey(records).size(), "every product arrived in Kafka");
        assertOnlyTheStoreWasTunnelledTo(target.store());
    }

    private static void assertOnlyTheStoreWasTunnelledTo(SandboxStore target) {
        List<String> connects = proxy.connects();
        assertFalse(connects.isEmpty(), "the proxy saw no CONNECT");
        assertTrue(connects.stream().allMatch((HOST + ":" + target.port())::equals), connects.toString());
    }

    private static SandboxOptions.Builder httpsStore() {
        return SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default"))
                .tls(ca.serverKeystore(), ca.password()).host(HOST);
    }

    /** The store the connector reaches through the proxy only; each connector brings its credentials and topic. */
    private static ConnectorEnvironment behindTheProxy(SandboxOptions storeOptions) {
        return ConnectorEnvironment.builder().store(storeOptions).withoutStoreToken().pollInterval("500ms")
                .env(Map.of("MAGENTO_PROXY_HOST", proxy.host(),
                        "MAGENTO_PROXY_PORT", Integer.toString(proxy.port()),
                        "MAGENTO_ERROR_BACKOFF_MAX", "1s",
                        "MAGENTO_STORE_CODES", "default"))
                .topic("products", "proxy").otherStreamsDisabled().start();
    }

    private ConnectorProcess start(String name, ConnectorEnvironment target, String topic, Map<String, String> auth, boolean trust) {
        return target.start("proxy-" + name, connectorEnv(topic, auth, trust));
    }

    /** What one connector adds to the environment: its topic, its credentials and whether it trusts the company CA. */
    private static Map<String, String> connectorEnv(String topic, Map<String, String> auth, boolean trust) {
        Map<String, String> env = new HashMap<>(Map.of("MAGENTO_STREAMS_PRODUCTS_TOPIC", topic));
        if (trust) {
            env.put("MAGENTO_TLS_TRUSTSTORE", ca.truststore().toString());
            env.put("MAGENTO_TLS_TRUSTSTORE_PASSWORD", ca.password());
        }
        env.putAll(auth);
        return env;
    }
}
