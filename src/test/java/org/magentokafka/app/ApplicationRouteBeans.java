package org.magentokafka.app;

import java.util.Map;

import org.magentokafka.kafka.KafkaClientSettings;

/**
 * The beans the YAML routes refer to by name, made exactly as the application's {@link RouteBeans} makes them, for
 * a plain Camel context that runs the routes without Quarkus (CDI is what calls the producers in the application).
 */
public final class ApplicationRouteBeans {

    private ApplicationRouteBeans() {
    }

    public static Map<String, Object> byName() {
        RouteBeans beans = new RouteBeans();
        return Map.of(
                "pageBatch", beans.pageBatch(),
                "productEnricher", beans.productEnricher(),
                "storefrontEnricher", beans.storefrontEnricher(),
                "utf8Headers", beans.utf8Headers(),
                "fencedPublisher", beans.fencedPublisher(null),
                "changeDetector", beans.changeDetector(KafkaClientSettings.of(Map.of())));
    }
}
