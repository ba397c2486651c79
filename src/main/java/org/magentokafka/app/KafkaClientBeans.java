package org.magentokafka.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.magentokafka.component.MagentoComponent;
import org.magentokafka.kafka.FencedWriter;
import org.magentokafka.kafka.KafkaClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka client settings of the whole connector ({@link KafkaClientSettings}, read and checked once by
 * {@link ConfigurationGuard}), handed to the Camel kafka component's producer through its client factory
 * ({@code camel.component.kafka.kafka-client-factory}) and looked up by the other clients (topics, lease); the
 * magento component's state store gets them as its {@code stateKafkaProperties} option. Also puts Kafka's repeated
 * refusal lines through {@link KafkaAccessLogFilter} before any client exists.
 */
@ApplicationScoped
public class KafkaClientBeans {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientBeans.class);

    @Inject
    KafkaAccess access;

    /** Camel's producer properties (brokers, acks, idempotence, compression from the route) plus the settings. */
    @Produces
    @Singleton
    @Named("magentoKafkaClientFactory")
    KafkaClientFactory kafkaClientFactory(KafkaClientSettings settings) {
        return new DefaultKafkaClientFactory() {
            @Override
            public Producer getProducer(Properties kafkaProps) {
                kafkaProps.putAll(settings.producer());
                return super.getProducer(kafkaProps);
            }

            @Override
            public Consumer getConsumer(Properties kafkaProps) {
                kafkaProps.putAll(settings.consumer());
                return super.getConsumer(kafkaProps);
            }
        };
    }

    /**
     * The magento component's kafka state store gets the same client settings, as a component option; with high
     * availability the component writes events and state through one transactional producer whose
     * {@code transactional.id} is the HA group, shared by the replicas (see {@link FencedWriter}).
     */
    void magentoComponent(@Observes ComponentAddEvent event, KafkaClientSettings settings, ConnectorSettings connector) {
        if (event.getComponent() instanceof MagentoComponent magento) {
            magento.setStateKafkaProperties(new HashMap<>(settings.properties()));
            if (connector.haEnabled()) {
                Map<String, Object> producer = new HashMap<>(settings.properties());
                // As the route's kafka endpoint sends pages (publish.yaml); the connector's own kafka.* win.
                producer.putIfAbsent("compression.type", connector.compression());
                producer.putIfAbsent("batch.size", "262144");
                producer.putIfAbsent("max.in.flight.requests.per.connection", "1");
                magento.useFencedWriter(new FencedWriter(KafkaClientSettings.of(producer), connector.haGroup()));
            }
        }
    }

    void beforeCamel(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) BeforeConfigure event, KafkaClientSettings settings) {
        KafkaAccessLogFilter.install(access);
        LOG.info("Kafka clients: {}", settings.summary());
    }
}
