package org.magentokafka.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the connector reaches a store inside a corporate network: an HTTP(S) proxy and a custom CA truststore.
 * TLS certificates are always verified: a truststore adds trusted CAs, nothing turns verification off. The one
 * place that builds the connector's HTTP client to the store: catalog requests, the admin token endpoints and the
 * handshake's token exchange all go through {@link #httpClient(Duration)}, so none of them bypasses the proxy or
 * the private CA.
 */
public record NetworkSettings(String proxyHost, int proxyPort, String truststorePath, String truststorePassword,
                              String truststoreType) {

    /**
     * The client for every request to the store: proxy, trusted CAs, connect timeout, HTTP/1.1 and no redirects
     * (a redirect to a login or home page means a wrong URL, which must be reported, not followed).
     */
    public HttpClient httpClient(Duration connectTimeout) {
        return clientBuilder(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The one-line explanation of a TLS failure (an untrusted or mismatching certificate), or null when the
     * failure is not about TLS. The JDK's own message ("PKIX path building failed ...") names no setting.
     */
    public static String tlsProblem(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                String detail = String.valueOf(t.getMessage());
                if (detail.contains("PKIX") || detail.contains("certification path") || detail.contains("unable to find valid")) {
                    return "the store's TLS certificate is not trusted (issued by a CA the JVM does not know): set"
                           + " magento.tls.truststore to a PKCS12/JKS file with the store's CA certificate"
                           + " (and magento.tls.truststore-password)";
                }
                if (detail.contains("No subject alternative") || detail.contains("No name matching")) {
                    return "the store's TLS certificate does not name this host: use the host name of the certificate"
                           + " in magento.base-url";
                }
                return "the TLS handshake with the store failed (" + OneLine.of(detail) + "): check"
                       + " magento.base-url (https), magento.tls.truststore and magento.proxy.*";
            }
        }
        return null;
    }

    /** Never the truststore password: the settings are a map key and may end up in a log line. */
    @Override
    public String toString() {
        return "NetworkSettings[proxy=" + proxyHost + ":" + proxyPort + ", truststore=" + truststorePath + " (" + truststoreType
               + "), truststorePassword=****]";
    }

    HttpClient.Builder clientBuilder(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (proxyHost != null && !proxyHost.isBlank()) {
            if (proxyPort < 1 || proxyPort > 65535) {
                throw new IllegalArgumentException("magento.proxy.port=" + proxyPort + " is not a port: set it with magento.proxy.host");
            }
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxyHost.strip(), proxyPort)));
        }
        if (truststorePath != null && !truststorePath.isBlank()) {
            builder.sslContext(sslContext());
        }
        return builder;
    }

    private SSLContext sslContext() {
        Path path = Path.of(truststorePath.strip());
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(truststoreType == null || truststoreType.isBlank() ? "PKCS12" : truststoreType);
            store.load(in, truststorePassword == null ? null : truststorePassword.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalArgumentException("magento.tls.truststore=" + path + " cannot be loaded (" + e.getClass().getSimpleName()
                                               + "): check the file, magento.tls.truststore-type (PKCS12 or JKS) and magento.tls.truststore-password");
        }
    }
}
