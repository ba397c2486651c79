package org.magentokafka.sandbox;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * An integration access token sent as "Authorization: Bearer". Since 2.4.4 the store refuses it
 * unless oauth/consumer/enable_integration_as_bearer is on; the refusal looks like any other 401.
 */
public final class BearerTokenAuthenticator implements RequestAuthenticator {

    private static final String PREFIX = "bearer ";

    private final byte[] token;
    private final boolean bearerAllowed;
    private final IntegrationGrants granted;

    /** With grants fixed for the authenticator's life. */
    public BearerTokenAuthenticator(String token, boolean bearerAllowed, Set<String> granted) {
        this(token, bearerAllowed, new IntegrationGrants(granted));
    }

    /** With the integration's grants as they are at each request (see {@link SandboxStore#grant(String)}). */
    BearerTokenAuthenticator(String token, boolean bearerAllowed, IntegrationGrants granted) {
        this.token = Objects.requireNonNull(token).getBytes(StandardCharsets.UTF_8);
        this.bearerAllowed = bearerAllowed;
        this.granted = Objects.requireNonNull(granted);
    }

    @Override
    public Set<String> grantedResources(AuthRequest request) {
        String header = request.header("authorization");
        if (!bearerAllowed || header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Set.of();
        }
        byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token) ? granted.current() : Set.of();
    }
}
