package org.magentokafka.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.magentokafka.kafka.KafkaRefusedException;

/**
 * A publish refused by Kafka (authentication, TLS, ACLs) still fails the page and the poll, but Camel's error handler
 * does not log it: {@link KafkaAccess} has said it once, clearly, and the poll's own line says it again; Camel's
 * "Failed delivery" block would add the message history and a stack trace at every poll.
 */
@ApplicationScoped
public class KafkaRefusalRouteConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration().onException(KafkaRefusedException.class, AuthenticationException.class, AuthorizationException.class)
                .logExhausted(false).logStackTrace(false).logHandled(false);
    }
}
