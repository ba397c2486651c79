package org.magentokafka.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.magentokafka.kafka.KafkaAccessFailure;

/**
 * Kafka's clients log an authentication or TLS refusal at every reconnect (about once a second, per client, forever).
 * This filter, on the loggers that do, turns those lines into one report to {@link KafkaAccess}, which logs the
 * connector's single ERROR line naming the property to fix. A produce retry the client makes by itself while a
 * transaction's markers are being written is dropped. Every other Kafka line passes.
 */
final class KafkaAccessLogFilter implements Filter {

    /** Kafka loggers that report refused connections at WARN/ERROR (found with a wrong password and an unknown CA). */
    static final List<String> LOGGERS = List.of("org.apache.kafka.clients.NetworkClient",
            "org.apache.kafka.clients.admin.KafkaAdminClient", "org.apache.kafka.clients.admin.internals.AdminMetadataManager",
            "org.apache.kafka.clients.producer.internals.Sender",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
            "org.apache.kafka.clients.consumer.internals.AbstractCoordinator",
            "org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer",
            "org.apache.kafka.clients.producer.KafkaProducer", "org.apache.kafka.common.network.Selector",
            "org.apache.kafka.common.network.SslTransportLayer");

    /** Strong references: a logger nobody holds can be collected, and its filter with it. */
    private static final List<Logger> FILTERED = new CopyOnWriteArrayList<>();

    private final KafkaAccess access;

    KafkaAccessLogFilter(KafkaAccess access) {
        this.access = access;
    }

    /** Puts the filter on Kafka's loggers; before the first Kafka client is created. */
    static synchronized void install(KafkaAccess access) {
        Filter filter = new KafkaAccessLogFilter(access);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setFilter(filter);
            FILTERED.add(logger);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return true;
        }
        Optional<KafkaAccessFailure> failure = record.getThrown() == null ? Optional.empty() : KafkaAccessFailure.of(record.getThrown());
        if (failure.isEmpty()) {
            failure = KafkaAccessFailure.ofLogLine(text(record));
        }
        if (failure.isPresent()) {
            access.failed(failure.get());
            return false;
        }
        String text = text(record);
        // A transaction begun right after the last one committed can reach a partition whose commit marker the broker
        // is still writing: the producer retries it by itself and it goes through. Nothing for an operator to do.
        if (text.contains("Error: CONCURRENT_TRANSACTIONS") && text.contains("retrying")) {
            return false;
        }
        // While the broker refuses the connector, each client's reconnect also logs "Bootstrap broker ... disconnected".
        return !(access.current().isPresent() && text.contains("disconnected"));
    }

    private static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return record.getParameters() == null ? message : message + " " + Arrays.toString(record.getParameters());
    }
}
