package org.magentokafka.client;

/**
 * A failure talking to the store, with a message an operator can act on: it names the endpoint, the cause and
 * the fix on one line. Never carries a secret: messages are built from endpoint paths and Magento's error
 * bodies only.
 */
public class MagentoException extends RuntimeException {

    private final String endpoint;
    private final int status;
    private final boolean retryable;
    private String retryAfter;
    private String aclResource;

    public MagentoException(String endpoint, int status, boolean retryable, String message) {
        super(message);
        this.endpoint = endpoint;
        this.status = status;
        this.retryable = retryable;
    }

    public MagentoException(String endpoint, int status, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
        this.retryable = retryable;
    }

    /** The REST path that failed, e.g. {@code GET /rest/default/V1/products}. */
    public String endpoint() {
        return endpoint;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The store's Retry-After header, when it sent one (429, 503). */
    public String retryAfter() {
        return retryAfter;
    }

    MagentoException withRetryAfter(String value) {
        this.retryAfter = value;
        return this;
    }

    /**
     * The ACL resource a 401 names ({@code parameters.resources} of "The consumer isn't authorized to access
     * %resources."), or null: what the integration lacks when the credentials themselves work elsewhere.
     */
    public String aclResource() {
        return aclResource;
    }

    MagentoException withAclResource(String resource) {
        this.aclResource = resource;
        return this;
    }

    /**
     * Whether Magento's router answered that no installed module declares the route (404 "Request does not match any
     * route."): a module switched off, as opposed to a missing item or a web server that does not know the path.
     */
    public boolean noSuchRoute() {
        return status == 404 && getMessage() != null && getMessage().contains("does not match any route");
    }

    /** Whether retrying the same request may succeed (throttling, maintenance, I/O), as opposed to configuration. */
    public boolean retryable() {
        return retryable;
    }
}
