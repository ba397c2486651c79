package org.magentokafka.auth;

/**
 * The Callback URL received a POST that must not start a token exchange (missing field, foreign store, replay).
 * The Callback URL endpoint answers 400 with this message; it names no secret.
 */
public final class HandshakeRejectedException extends RuntimeException {

    public HandshakeRejectedException(String message) {
        super(message);
    }
}
