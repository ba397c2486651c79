package org.magentokafka.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaAccessFailureTest {

    @Test
    void aRefusedPasswordNamesSaslAndTheJaasConfig() {
        KafkaAccessFailure f = KafkaAccessFailure.of(new ExecutionException(new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"))).orElseThrow();
        assertEquals(KafkaAccessFailure.Kind.SASL, f.kind());
        assertTrue(f.message().startsWith("Kafka authentication failed (SASL)") && f.message().contains("kafka.sasl.jaas.config"));
    }

    @Test
    void anUnknownBrokerCertificateNamesTlsTheTruststoreAndTheShortReason() {
        SslAuthenticationException e = new SslAuthenticationException("SSL handshake failed");
        e.initCause(new SSLHandshakeException("PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable"
                                              + " to find valid certification path to requested target"));
        KafkaAccessFailure f = KafkaAccessFailure.of(new IllegalStateException("wrapped", e)).orElseThrow();
        assertEquals(KafkaAccessFailure.Kind.TLS, f.kind());
        assertTrue(f.message().contains("kafka.ssl.truststore.location") && f.message().contains("unable to find valid certification path"),
                f.message());
    }

    @Test
    void kafkasOwnLogLinesAreRecognised() {
        assertEquals(KafkaAccessFailure.Kind.TLS, KafkaAccessFailure.ofLogLine(
                "[Producer clientId=producer-1] Connection to node -1 (localhost/127.0.0.1:9093) failed authentication due to: SSL handshake failed")
                .orElseThrow().kind());
        assertEquals(KafkaAccessFailure.Kind.TLS, KafkaAccessFailure.ofLogLine("[Producer clientId=producer-1] Connection to node -1"
                + " (localhost/127.0.0.1:9093) failed authentication due to: Failed to process post-handshake messages").orElseThrow().kind());
        assertEquals(KafkaAccessFailure.Kind.SASL, KafkaAccessFailure.ofLogLine("[Producer clientId=producer-1] Connection to node -1"
                + " (localhost/127.0.0.1:9093) failed authentication due to: Authentication failed during authentication due to invalid"
                + " credentials with SASL mechanism SCRAM-SHA-512").orElseThrow().kind());
        assertEquals(KafkaAccessFailure.Kind.SASL, KafkaAccessFailure.ofLogLine("[AdminClient clientId=adminclient-1] Fatal error during metadata"
                + " update: org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed").orElseThrow().kind());
    }

    @Test
    void anUnreachableBrokerIsNoAccessFailure() {
        assertEquals(Optional.empty(), KafkaAccessFailure.of(new TimeoutException("Timed out waiting for a node assignment")));
        assertEquals(Optional.empty(), KafkaAccessFailure.ofLogLine("Bootstrap broker localhost:9092 (id: -1 rack: null) disconnected"));
    }
}
