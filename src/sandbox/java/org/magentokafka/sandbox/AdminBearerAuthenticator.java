package org.magentokafka.sandbox;

import java.util.Set;

/** Admin tokens as Bearer: an admin holds every resource; an expired token counts as no token (guest). */
final class AdminBearerAuthenticator implements RequestAuthenticator {

    private final AdminAccounts accounts;
    private final Set<String> granted;

    AdminBearerAuthenticator(AdminAccounts accounts, Set<String> granted) {
        this.accounts = accounts;
        this.granted = Set.copyOf(granted);
    }

    @Override
    public Set<String> grantedResources(AuthRequest request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Set.of();
        }
        return accounts.tokenValid(header.substring(7).trim()) ? granted : Set.of();
    }
}
