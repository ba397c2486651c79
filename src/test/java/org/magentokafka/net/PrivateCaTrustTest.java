package org.magentokafka.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.PrivateCa;

/** The store's client trusts exactly the JVM's CAs plus magento.tls.truststore, and says so when it does not. */
class PrivateCaTrustTest {

    private static PrivateCa ca;
    private static SandboxStore store;

    @BeforeAll
    static void startHttpsStore() {
        ca = PrivateCa.forHosts("localhost");
        store = SandboxStore.start(SandboxOptions.builder().productCount(3).storeCodes(List.of("default"))
                .tls(ca.serverKeystore(), ca.password()).host("localhost").build());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void aTruststoreWithThePrivateCaLetsTheClientIn() throws Exception {
        NetworkSettings trusting = new NetworkSettings(null, 0, ca.truststore().toString(), ca.password(), "PKCS12");
        HttpResponse<String> response = trusting.httpClient(Duration.ofSeconds(5)).send(products(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void withoutItTheFailureNamesMagentoTlsTruststoreInOneLine() {
        NetworkSettings jvmDefaults = new NetworkSettings(null, 0, null, null, "PKCS12");
        IOException failure = assertThrows(IOException.class,
                () -> jvmDefaults.httpClient(Duration.ofSeconds(5)).send(products(), HttpResponse.BodyHandlers.ofString()));
        String line = NetworkSettings.tlsProblem(failure);
        assertNotNull(line, String.valueOf(failure));
        assertTrue(line.contains("not trusted") && line.contains("magento.tls.truststore") && !line.contains("\n"), line);
    }

    @Test
    void theTruststorePasswordNeverAppearsInTheSettingsText() {
        assertTrue(!new NetworkSettings("proxy", 3128, "/ca.p12", "s3cret-pass", "PKCS12").toString().contains("s3cret-pass"));
    }

    @Test
    void otherIoFailuresAreNotCalledTlsProblems() {
        assertNull(NetworkSettings.tlsProblem(new IOException("connection reset")));
    }

    private static HttpRequest products() {
        return HttpRequest.newBuilder(URI.create(store.baseUrl() + "/rest/default/V1/products?searchCriteria%5BpageSize%5D=1"))
                .header("Authorization", "Bearer " + store.options().accessToken()).build();
    }
}
