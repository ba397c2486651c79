package org.magentokafka.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.magentokafka.client.MagentoException;
import org.magentokafka.kafka.FencedWriter;
import org.magentokafka.kafka.KafkaRefusedException;

/**
 * Failures that already have their one clear line still fail the page and the poll, but Camel's error handler does
 * not log them again: Camel's "Failed delivery" block would add the message history and a stack trace at every poll.
 * <ul>
 * <li>A publish refused by Kafka (authentication, TLS, ACLs): {@link KafkaAccess} has said it once, and the poll's own
 * line says it again.</li>
 * <li>A store request that failed during a page's enrichment (the store went away mid-poll, an error answer after the
 * retries): the {@link MagentoException} message names the endpoint, the cause and the fix, and the poll's line
 * carries it.</li>
 * <li>A transactional write that did not happen (a fenced replica, an aborted transaction): the writer's line and
 * the poll's say it.</li>
 * </ul>
 * Any other failure keeps Camel's one "Failed delivery" line, without the message history and the stack trace: the
 * poll's line names the page, the exception and what happens next.
 */
@ApplicationScoped
public class FailuresSaidOnceRouteConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        RouteConfigurationDefinition failures = routeConfiguration();
        failures.onException(KafkaRefusedException.class, AuthenticationException.class, AuthorizationException.class,
                        MagentoException.class, FencedWriter.KafkaWriteFailure.class)
                .logExhausted(false).logStackTrace(false).logHandled(false);
        failures.onException(Exception.class)
                .logExhausted(true).logExhaustedMessageHistory(false).logStackTrace(false).logHandled(false);
    }
}
