package org.magentokafka.component;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.magentokafka.client.MagentoException;

/**
 * Lets the consumer's own one-line log stand for store failures; anything else (a bug, an unexpected runtime
 * error) still reaches the default handler with its stack trace.
 */
final class QuietPollExceptionHandler implements ExceptionHandler {

    private final ExceptionHandler delegate;

    QuietPollExceptionHandler(ExceptionHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleException(Throwable exception) {
        if (!(exception instanceof MagentoException)) {
            delegate.handleException(exception);
        }
    }

    @Override
    public void handleException(String message, Throwable exception) {
        if (!(exception instanceof MagentoException)) {
            delegate.handleException(message, exception);
        }
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (!(exception instanceof MagentoException)) {
            delegate.handleException(message, exchange, exception);
        }
    }
}
