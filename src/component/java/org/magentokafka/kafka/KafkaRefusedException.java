package org.magentokafka.kafka;

/**
 * The broker refused the connector (authentication, TLS, ACLs): already reported once as a clear ERROR line, so
 * whoever sees this exception again reports it quietly. The message is the operator's fix, never a secret.
 */
public class KafkaRefusedException extends IllegalStateException {

    public KafkaRefusedException(String message) {
        super(message);
    }
}
