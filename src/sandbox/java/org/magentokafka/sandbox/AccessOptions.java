package org.magentokafka.sandbox;

import java.time.Duration;
import java.util.Set;

/**
 * The access half of {@link SandboxOptions}: who may read the catalog and how they prove it (bearer token, OAuth
 * 1.0a integration, admin user with optional 2FA, guest access). Kept apart from {@link ServingOptions} because
 * it changes with Magento's authentication, not with how the store answers.
 */
record AccessOptions(String accessToken, boolean bearerAllowed, Set<String> grantedResources,
                     RequestAuthenticator authenticator, String oauthConsumerKey, String oauthConsumerSecret,
                     String oauthAccessToken, String oauthAccessTokenSecret, Set<String> oauthSignatureMethods,
                     Duration consumerKeyLifetime, String adminUsername, String adminPassword,
                     String adminTotpSecret, Duration adminTokenLifetime, boolean anonymousGuestAccess) {

    /** Never the tokens, secrets or passwords: a record's default toString would print them. */
    @Override
    public String toString() {
        return "AccessOptions[bearerAllowed=" + bearerAllowed + ", grantedResources=" + grantedResources
                + ", adminUsername=" + adminUsername + ", twoFactor=" + (adminTotpSecret != null)
                + ", anonymousGuestAccess=" + anonymousGuestAccess + "]";
    }
}
