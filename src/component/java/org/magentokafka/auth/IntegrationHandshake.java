package org.magentokafka.auth;

import java.util.Map;
import java.util.Objects;

/**
 * What the Callback URL endpoint does with Magento's POST: validate it, exchange the verifier for an access token
 * and keep the result. The HTTP endpoint only parses the form and maps {@link HandshakeRejectedException} to 400.
 */
public final class IntegrationHandshake {

    private final CallbackValidator validator;
    private final TokenExchange exchange;
    private final CredentialStore store;

    /** @param store where the credentials are kept; null to only return them */
    public IntegrationHandshake(CallbackValidator validator, TokenExchange exchange, CredentialStore store) {
        this.validator = Objects.requireNonNull(validator);
        this.exchange = Objects.requireNonNull(exchange);
        this.store = store;
    }

    /**
     * @param form the decoded form fields of the Callback URL POST
     * @throws HandshakeRejectedException the POST is invalid, foreign or a replay (answer 400)
     * @throws AuthFailureException       the store refused or could not be reached during the exchange
     */
    public OAuth1Credentials complete(Map<String, String> form) {
        return complete(validate(form));
    }

    /**
     * The first half, for an endpoint that must answer Magento within 5 s: checks the POST (fields, store URL,
     * replay) without calling the store.
     *
     * @throws HandshakeRejectedException the POST is invalid, foreign or a replay (answer 400)
     */
    public CallbackForm validate(Map<String, String> form) {
        return validator.accept(form);
    }

    /** The second half: the token exchange with the store, then the credentials are persisted. */
    public OAuth1Credentials complete(CallbackForm accepted) {
        OAuth1Credentials credentials = exchange.exchange(accepted);
        if (store != null) {
            store.save(credentials);
        }
        return credentials;
    }
}
