package org.magentokafka.auth;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * magento.auth.mode=none: requests go out without an Authorization header, as a storefront guest's would. Magento
 * treats any caller it cannot authenticate as a guest, and a guest reaches only resources marked anonymous; its
 * "Allow Anonymous Guest Access" setting (webapi/webapisecurity/allow_insecure) marks GET /V1/products and the
 * category tree anonymous, but never source items, CMS page search or the attribute list.
 */
public final class AnonymousAuthenticator implements Authenticator {

    @Override
    public void authenticate(HttpRequest.Builder request, String method, URI uri) {
        // Nothing to add: an empty or wrong Authorization header would make Magento answer 401 instead of guest.
    }

    @Override
    public String describe() {
        return "anonymous guest (no credentials)";
    }

    @Override
    public String toString() {
        return "AnonymousAuthenticator[" + describe() + "]";
    }
}
