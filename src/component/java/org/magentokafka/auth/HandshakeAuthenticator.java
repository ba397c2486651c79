package org.magentokafka.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OAuth 1.0a with credentials that arrive through the integration handshake: empty until Magento's Activate
 * hands them over (or until they are read back from the credential file after a restart), then signing every
 * request, without a restart.
 */
public final class HandshakeAuthenticator implements Authenticator {

    private final SignatureMethod method;
    private final CredentialStore store;
    private final String callbackHint;
    private final AtomicReference<OAuth1Authenticator> current = new AtomicReference<>();

    public HandshakeAuthenticator(SignatureMethod method, CredentialStore store, String callbackHint) {
        this.method = method;
        this.store = store;
        this.callbackHint = callbackHint;
        store.load().ifPresent(this::install);
    }

    /** Starts signing with these credentials (they were just persisted by the handshake). */
    public void install(OAuth1Credentials credentials) {
        current.set(new OAuth1Authenticator(credentials, method));
    }

    public boolean activated() {
        return current.get() != null;
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String method, URI uri) {
        OAuth1Authenticator delegate = current.get();
        if (delegate == null) {
            throw new AuthFailureException("the integration is not activated yet: in Magento open System > Extensions >"
                                           + " Integrations, set Callback URL " + callbackHint
                                           + " and Activate; credentials will be stored in " + store.file(), true);
        }
        delegate.authenticate(request, method, uri);
    }

    @Override
    public String describe() {
        return activated() ? "OAuth 1.0a (integration handshake)" : "integration handshake (waiting for Activate)";
    }

    @Override
    public String toString() {
        return "HandshakeAuthenticator[" + describe() + "]";
    }
}
