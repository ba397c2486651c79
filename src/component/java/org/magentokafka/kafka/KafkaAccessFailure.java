package org.magentokafka.kafka;

import java.util.Optional;

import javax.net.ssl.SSLException;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Why the broker refused the connector, in the operator's terms: which kind of failure (SASL authentication, TLS,
 * ACLs) and which property to fix. Built from an exception (the message never carries a secret: Kafka's
 * authentication exceptions name the mechanism, not the credentials) or from the text of Kafka's own log line.
 */
public record KafkaAccessFailure(Kind kind, String message) {

    public enum Kind {
        SASL, TLS, AUTHORIZATION
    }

    static final String SASL_FIX = "Kafka authentication failed (SASL): the broker refused the credentials; check kafka.sasl.jaas.config"
                                   + " (env KAFKA_SASL_JAAS_CONFIG) and kafka.sasl.mechanism (env KAFKA_SASL_MECHANISM)";
    static final String TLS_FIX = "Kafka TLS handshake failed: the broker's certificate is not trusted or the broker refused this client's;"
                                  + " check kafka.ssl.truststore.location (env KAFKA_SSL_TRUSTSTORE_LOCATION, the CA of the broker) and, for"
                                  + " mutual TLS, kafka.ssl.keystore.location (env KAFKA_SSL_KEYSTORE_LOCATION)";
    static final String ACL_FIX = "Kafka refused the operation (authorization): grant the connector's principal the ACLs listed in the"
                                  + " docs/operations.md (Secured Kafka)";

    /** The access failure somewhere in the cause chain, if any. */
    public static Optional<KafkaAccessFailure> of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SslAuthenticationException || t instanceof SSLException) {
                return Optional.of(tls(detail(t)));
            }
            if (t instanceof SaslAuthenticationException || t instanceof AuthenticationException) {
                return Optional.of(new KafkaAccessFailure(Kind.SASL, SASL_FIX));
            }
            if (t instanceof AuthorizationException) {
                return Optional.of(new KafkaAccessFailure(Kind.AUTHORIZATION, ACL_FIX + " (" + t.getMessage() + ")"));
            }
        }
        return Optional.empty();
    }

    /** From the text of a Kafka client log line ("... failed authentication due to: SSL handshake failed"). */
    public static Optional<KafkaAccessFailure> ofLogLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        if (line.contains("SaslAuthenticationException")
            || line.contains("failed authentication") && line.contains("SASL") && !line.contains("SSL handshake")) {
            return Optional.of(new KafkaAccessFailure(Kind.SASL, SASL_FIX));
        }
        // Without SASL, a refused authentication is the TLS handshake ("SSL handshake failed", or with TLS 1.3 a
        // client certificate refused after the handshake: "Failed to process post-handshake messages").
        if (line.contains("SslAuthenticationException") || line.contains("failed authentication")) {
            return Optional.of(tls(null));
        }
        return Optional.empty();
    }

    private static KafkaAccessFailure tls(String detail) {
        return new KafkaAccessFailure(Kind.TLS, TLS_FIX + (detail == null ? "" : " (" + detail + ")"));
    }

    /** The innermost TLS reason (e.g. "PKIX path building failed"), short. */
    private static String detail(Throwable t) {
        String detail = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                detail = c.getMessage();
            }
        }
        if (detail == null) {
            return null;
        }
        // "PKIX path building failed: sun.security...SunCertPathBuilderException: unable to find valid certification path"
        int colon = detail.lastIndexOf(": ");
        String shortened = colon > 0 ? detail.substring(colon + 2) : detail;
        return shortened.length() > 160 ? shortened.substring(0, 160) + "..." : shortened;
    }
}
