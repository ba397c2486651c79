package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;
import java.util.HashSet;

/**
 * kamelets/magento-source.kamelet.yaml follows Camel's catalog conventions, and a route that binds it to a Kafka
 * topic (src/test/resources/kamelet-it/, no Java) delivers one message per product, run by the packaged app with
 * its own streams off.
 */
class KameletIT {

    private static final int PRODUCTS = 100;

    @Test
    void kameletFollowsTheCatalogConventions() throws Exception {
        JsonNode k = new ObjectMapper(new YAMLFactory()).readTree(Path.of("kamelets/magento-source.kamelet.yaml").toFile());
        assertEquals("camel.apache.org/v1", k.path("apiVersion").asText());
        assertEquals("Kamelet", k.path("kind").asText());
        assertEquals("magento-source", k.at("/metadata/name").asText());
        assertEquals("source", k.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText());
        JsonNode annotations = k.at("/metadata/annotations");
        for (String a : List.of("camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version", "camel.apache.org/provider")) {
            assertTrue(annotations.hasNonNull(a), a);
        }
        JsonNode definition = k.at("/spec/definition");
        assertTrue(definition.hasNonNull("title") && definition.hasNonNull("description"));
        assertEquals("stream", definition.at("/required/0").asText());
        definition.path("properties").fields().forEachRemaining(p -> {
            JsonNode prop = p.getValue();
            assertTrue(prop.hasNonNull("title") && prop.hasNonNull("description") && prop.hasNonNull("type"), p.getKey());
            boolean secret = p.getKey().matches("accessToken|accessTokenSecret|consumerKey|consumerSecret|password|totpSecret");
            if (secret) {
                assertEquals("password", prop.path("format").asText(), p.getKey());
                assertTrue(prop.path("x-descriptors").toString().contains("urn:camel:group:credentials"), p.getKey());
            }
        });
        assertEquals("magento:{{stream}}", k.at("/spec/template/from/uri").asText());
        assertTrue(k.at("/spec/template/from/steps").toString().contains("kamelet:sink"));
    }

    @Test
    void aRouteBindingTheKameletToKafkaDeliversEveryProduct() {
        String topic = TestKafka.uniqueTopic("kamelet-products");
        try (ConnectorEnvironment environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).build())
                .otherStreamsDisabled()
                .env("KAMELET_IT_TOPIC", topic)
                .env("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN", "file:routes/*.yaml,file:src/test/resources/kamelet-it/*.yaml")
                .start()) {
            SandboxStore store = environment.store();
            try (ConnectorProcess connector = environment.start("kamelet")) {
                List<ConsumerRecord<String, String>> records = TestKafka.readAtLeast(topic, PRODUCTS, Duration.ofSeconds(60));
                assertEquals(PRODUCTS, records.size(), "one message per product:\n" + connector.output());
                Set<String> skus = records.stream().map(r -> Records.json(r).path("sku").asText()).collect(Collectors.toSet());
                Set<String> expected = new HashSet<>();
                store.catalog().products().forEach(p -> expected.add(p.get("sku").asText()));
                assertEquals(expected, skus, "each message is one product as Magento returns it");
                assertTrue(store.requests().matching("/V1/products").stream()
                        .allMatch(r -> "40".equals(r.query().get("searchCriteria[pageSize]"))), "the Kamelet's pageSize is used");
                assertTrue(connector.output().contains("kamelet-it-products"), "the bound route started");
            }
        }
    }
}
