package org.magentokafka.sandbox;

import java.util.List;
import java.util.Set;

/**
 * REST calls signed with OAuth 1.0a (Magento\Integration\Model\OauthUserContext). Only requests whose
 * Authorization header is "OAuth ..." are looked at; a bad one fails with Magento's OAuth error, not a silent 401.
 */
final class OAuthAuthenticator implements RequestAuthenticator {

    private final OAuthVerifier verifier;
    private final IntegrationGrants granted;

    OAuthAuthenticator(OAuthVerifier verifier, IntegrationGrants granted) {
        this.verifier = verifier;
        this.granted = granted;
    }

    @Override
    public Set<String> grantedResources(AuthRequest request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return Set.of();
        }
        verifier.verifyAccessTokenRequest(request.method(), request.uri(), OAuthMath.headerParams(header), List.of());
        return granted.current();
    }
}
