package org.magentokafka.auth;

/**
 * Credentials could not be obtained. {@link #retryable()} is false when trying again cannot help or does harm
 * (bad credentials count towards Magento's account lock), so the caller must stop and report.
 */
public final class AuthFailureException extends RuntimeException {

    private final boolean retryable;

    public AuthFailureException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public AuthFailureException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
