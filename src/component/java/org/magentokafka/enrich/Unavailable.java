package org.magentokafka.enrich;

import org.magentokafka.client.MagentoException;

/**
 * Why an optional look-up gives nothing, when the answer is lasting rather than a blip: the integration lacks the
 * ACL resource (401 naming it, or a JSON 403), or the store has no such route (404 "Request does not match any
 * route.": the module is switched off). Anything else (429, 5xx, HTML from a proxy, timeouts, unparsable bodies)
 * is transient and {@link #of} answers null: the caller retries and holds the page rather than publish a wrong
 * value because of a blip.
 *
 * @param reason what the event's {@code unknown} says: {@code not granted: <resource>} or {@code no route: <endpoint>}
 * @param grant  the ACL resource to grant, or null for a missing route
 */
public record Unavailable(String reason, String grant) {

    public static Unavailable notGranted(String resource) {
        return new Unavailable("not granted: " + resource, resource);
    }

    /** What Magento never serves to guests (magento.auth.mode=none): said by the guest's own line, not as a grant. */
    public static final Unavailable NOT_FOR_GUESTS = new Unavailable("not served to guests", null);

    public static Unavailable noRoute(String endpoint) {
        return new Unavailable("no route: " + endpoint, null);
    }

    /**
     * @param resource the endpoint's ACL resource (from its module's webapi.xml), named when the answer does not
     * @param endpoint the endpoint as the reason names it ({@code /V1/inventory/source-items})
     * @return why the look-up is lastingly unavailable, or null when the failure is transient
     */
    public static Unavailable of(MagentoException e, String resource, String endpoint) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("returned HTML")) {
            return null; // a WAF, proxy or maintenance page: not Magento's answer about this route
        }
        if (e.status() == 401 && e.aclResource() != null || e.status() == 403) {
            return notGranted(e.aclResource() != null ? e.aclResource() : resource);
        }
        if (e.noSuchRoute()) {
            return noRoute(endpoint);
        }
        return null;
    }

    /** Why the look-up is lastingly unavailable; a transient failure is thrown on (the page waits for a retry). */
    public static Unavailable orThrow(MagentoException e, String resource, String endpoint) {
        Unavailable why = of(e, resource, endpoint);
        if (why == null) {
            throw e;
        }
        return why;
    }

    /** The fix an operator applies, as the admin shows it. */
    public String fix() {
        if (this.equals(NOT_FOR_GUESTS)) {
            return "use an integration (magento.auth.mode=oauth1)";
        }
        return grant == null ? "the store has no such route (its module is switched off); they come when it is enabled"
                : "grant " + AdminGrants.label(grant) + " to the integration (System > Extensions > Integrations > API)";
    }
}
