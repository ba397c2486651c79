package org.magentokafka.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Camel's "failed polling endpoint" report of a poll failure turns into in the log. */
class QuietPollExceptionHandlerTest {

    private static final String CAMEL_MESSAGE = "Consumer Consumer[magento://products] failed polling endpoint: magento://products."
                                                + " Will try again at next poll";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Logger logger;

    @BeforeEach
    void capture() {
        logger = LogContext.getLogContext().getLogger(QuietPollExceptionHandler.class.getName());
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(null);
    }

    @Test
    void aFailureThePollAlreadyReportedIsOnlyLoggedAtDebug() {
        QuietPollExceptionHandler handler = new QuietPollExceptionHandler("products");
        IllegalStateException failure = new IllegalStateException("total_count must not be negative");
        handler.reported(failure);
        handler.handleException(CAMEL_MESSAGE, failure);

        assertEquals(List.of(), records.stream().filter(r -> r.getLevel().intValue() > Level.FINE.intValue()).toList(),
                "nothing above DEBUG");
        assertEquals(1, records.size());
        assertNotNull(records.get(0).getThrown(), "the trace is kept at DEBUG");
    }

    @Test
    void anyOtherFailureIsOneWarnLineWithItsTraceOnlyAtDebug() {
        QuietPollExceptionHandler handler = new QuietPollExceptionHandler("products");
        handler.reported(new IllegalStateException("an earlier one"));
        handler.handleException(CAMEL_MESSAGE, new IllegalArgumentException("a poll strategy broke"));

        List<LogRecord> warnings = records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(1, warnings.size());
        assertNull(warnings.get(0).getThrown(), "no stack trace at WARN");
        String line = ExtLogRecord.wrap(warnings.get(0)).getFormattedMessage();
        assertTrue(line.contains("magento:products") && line.contains("a poll strategy broke") && !line.contains("\n"), line);
        assertTrue(records.stream().anyMatch(r -> r.getThrown() != null && r.getLevel().intValue() < Level.INFO.intValue()),
                "the trace is at DEBUG");
    }
}
