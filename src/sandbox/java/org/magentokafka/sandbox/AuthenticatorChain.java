package org.magentokafka.sandbox;

import java.util.List;
import java.util.Set;

/** Like Magento's CompositeUserContext: the first user context that recognizes the caller decides. */
final class AuthenticatorChain implements Authenticator {

    private final List<Authenticator> authenticators;

    AuthenticatorChain(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    @Override
    public Set<String> grantedResources(AuthRequest request) {
        for (Authenticator a : authenticators) {
            Set<String> granted = a.grantedResources(request);
            if (granted != null && !granted.isEmpty()) {
                return granted;
            }
        }
        return Set.of();
    }
}
