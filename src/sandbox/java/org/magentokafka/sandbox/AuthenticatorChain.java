package org.magentokafka.sandbox;

import java.util.List;
import java.util.Set;

/** Like Magento's CompositeUserContext: the first user context that recognizes the caller decides. */
final class AuthenticatorChain implements RequestAuthenticator {

    private final List<RequestAuthenticator> authenticators;

    AuthenticatorChain(List<RequestAuthenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    @Override
    public Set<String> grantedResources(AuthRequest request) {
        for (RequestAuthenticator a : authenticators) {
            Set<String> granted = a.grantedResources(request);
            if (granted != null && !granted.isEmpty()) {
                return granted;
            }
        }
        return Set.of();
    }
}
