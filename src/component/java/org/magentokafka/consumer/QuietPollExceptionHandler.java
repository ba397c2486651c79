package org.magentokafka.consumer;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's exception handler: Camel's ScheduledPollConsumer hands it every exception {@code poll()} throws,
 * with its own "failed polling endpoint ... Will try again at next poll" message, and the default handler would log
 * that with a stack trace on every failed poll. A failure {@code poll()} already reported on its one WARN line is
 * logged here at DEBUG only (with the trace); anything else (a custom poll strategy failing) gets one WARN line,
 * its trace at DEBUG. Camel's own bookkeeping (error counter, last error for its health check) is unaffected.
 */
public final class QuietPollExceptionHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QuietPollExceptionHandler.class);

    private final String stream;
    private volatile Throwable reported;

    public QuietPollExceptionHandler(String stream) {
        this.stream = stream;
    }

    /** The failure poll() has just logged on its own line: Camel's report of it is a duplicate. */
    public void reported(Throwable failure) {
        this.reported = failure;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        String text = message == null ? "magento:" + stream + " failed" : message;
        if (exception != null && exception == reported) {
            LOG.debug("{} (already reported by magento:{})", text, stream, exception);
            return;
        }
        LOG.warn("magento:{}: {}: {} (stack trace at DEBUG for {})", stream, text, exception,
                QuietPollExceptionHandler.class.getName());
        LOG.debug("magento:{} failure detail", stream, exception);
    }
}
