package org.magentokafka.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import java.util.HashMap;
import java.util.TreeSet;
import org.magentokafka.app.ConfigurationGuardAccess;

/** docker/compose.yaml, statically (no Docker engine on the build machines): services, images, wiring. */
class ComposeFileTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void kafkaSandboxAndConnectorAreWired() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("docker/compose.yaml").toFile());
        JsonNode services = compose.get("services");
        assertEquals(Set.of("kafka", "sandbox", "connector"), fieldNames(services));

        JsonNode kafka = services.get("kafka");
        assertTrue(kafka.get("image").asText().startsWith("apache/kafka:"), "the official image");
        JsonNode kafkaEnv = kafka.get("environment");
        assertEquals("broker,controller", kafkaEnv.get("KAFKA_PROCESS_ROLES").asText(), "KRaft, no ZooKeeper");
        assertTrue(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS").asText().contains("PLAINTEXT://kafka:9092"));
        assertNotNull(kafka.get("healthcheck"), "the connector waits for a healthy broker");

        JsonNode sandbox = services.get("sandbox");
        JsonNode connector = services.get("connector");
        assertEquals("magento-kafka-connector:jvm", connector.get("image").asText(), "the image docker/Dockerfile.jvm builds");
        // The simulator is in no product image: the sandbox runs from its own image, with that image's entry point.
        String sandboxDockerfile = Files.readString(PROJECT.resolve("docker/Dockerfile.sandbox"));
        assertEquals("magento-kafka-sandbox:latest", sandbox.get("image").asText());
        assertTrue(sandboxDockerfile.contains("-t " + sandbox.get("image").asText() + " "), "the image docker/Dockerfile.sandbox builds");
        assertNull(sandbox.get("entrypoint"), "no classpath of the connector image");
        assertTrue(sandboxDockerfile.contains("ENTRYPOINT [\"java\", \"-cp\", \"/sandbox/lib/*\", \"org.magentokafka.sandbox.SandboxStore\"]"),
                "the sandbox image starts the sandbox store from its own jars");
        List<String> command = texts(sandbox.get("command"));
        assertTrue(command.contains("--port=8081") && command.contains("--token=sandbox-token"), command.toString());

        // The sandbox listens on 127.0.0.1 only: the connector shares its network namespace.
        assertEquals("service:sandbox", connector.get("network_mode").asText());
        JsonNode env = connector.get("environment");
        assertEquals("http://127.0.0.1:8081", env.get("MAGENTO_BASE_URL").asText());
        assertEquals("sandbox-token", env.get("MAGENTO_AUTH_ACCESS_TOKEN").asText());
        assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals(Set.of("kafka", "sandbox"), fieldNames(connector.get("depends_on")));
        assertEquals("service_healthy", connector.get("depends_on").get("kafka").get("condition").asText());
        for (JsonNode port : sandbox.get("ports")) {
            assertTrue(port.asText().matches("\\d+:\\d+"), port.asText());
        }
        assertTrue(texts(sandbox.get("ports")).contains("8080:8080"), "the connector's health and metrics reach the host");
        // Every environment variable the connector gets is one it knows (the same check as at start-up).
        Map<String, String> known = new HashMap<>();
        ConfigurationGuardAccess.knownEnvNames(PROJECT.resolve("application.properties"))
                .forEach(n -> known.put(n, n));
        for (String name : fieldNames(env)) {
            assertTrue(!name.startsWith("MAGENTO_") || known.containsKey(name), "unknown setting in compose.yaml: " + name);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
