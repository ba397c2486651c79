package org.magentokafka.client;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the connector reaches a store inside a corporate network: an HTTP(S) proxy and a custom CA truststore.
 * TLS certificates are always verified: a truststore adds trusted CAs, nothing turns verification off.
 */
public record NetworkSettings(String proxyHost, int proxyPort, String truststorePath, String truststorePassword,
                              String truststoreType) {

    public HttpClient.Builder clientBuilder(Duration connectTimeout) {
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
