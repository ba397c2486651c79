package org.magentokafka.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.magentokafka.client.MagentoException;
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
 * </ul>
 */
@ApplicationScoped
public class FailuresSaidOnceRouteConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration().onException(KafkaRefusedException.class, AuthenticationException.class, AuthorizationException.class,
                        MagentoException.class)
                .logExhausted(false).logStackTrace(false).logHandled(false);
    }
}
