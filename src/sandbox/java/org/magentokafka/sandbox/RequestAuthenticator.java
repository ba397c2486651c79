package org.magentokafka.sandbox;

import java.util.Set;

/**
 * Decides who the caller is and which ACL resources it holds. Magento answers the same 401 for a
 * bad token, a refused token kind and a missing resource, so an authenticator only has to say
 * what is granted: an empty set means "guest".
 */
@FunctionalInterface
public interface RequestAuthenticator {

    Set<String> grantedResources(AuthRequest request);
}
