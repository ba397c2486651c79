package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * The component artifact on its own (org.magentokafka:camel-magento, src/component/pom.xml) in a plain Camel Main
 * application, as a Camel Main, JBang or Karavan user runs it: the class path is that artifact's jar and the
 * dependencies its pom declares, resolved by Maven from that pom alone (with the test-scoped ones such an app brings
 * itself: camel-main, the YAML DSL, the Kamelet component, Jackson, a log binding). Nothing of Quarkus or of the
 * connector application is there, and the magento-source Kamelet bound to a Kafka topic delivers every product.
 */
class PlainCamelMainIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final int PRODUCTS = 50;

    @Test
    void theComponentArtifactAloneDeliversEveryProductFromPlainCamelMain(@TempDir Path app) throws Exception {
        List<String> dependencies = dependenciesOfTheComponentPom(app.resolve("classpath.txt"));
        List<String> quarkus = dependencies.stream().filter(d -> d.contains("quarkus") || d.contains("smallrye")).toList();
        assertEquals(List.of(), quarkus, "the component's pom pulls nothing of Quarkus");

        String topic = TestKafka.uniqueTopic("plain-camel-main");
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(PRODUCTS).build())) {
            Files.createDirectories(app.resolve("kamelets"));
            Files.copy(PROJECT.resolve("kamelets/magento-source.kamelet.yaml"), app.resolve("kamelets/magento-source.kamelet.yaml"));
            Files.writeString(app.resolve("route.yaml"), """
                    - route:
                        id: plain-camel-main-products
                        from:
                          uri: "kamelet:magento-source"
                          parameters:
                            stream: products
                            baseUrl: "%s"
                            accessToken: "{{magento.token}}"
                            pageSize: 20
                            pollInterval: 1h
                          steps:
                            - to:
                                uri: "kafka:%s"
                                parameters:
                                  brokers: "%s"
                    """.formatted(store.baseUrl(), topic, TestKafka.bootstrapServers()));
            Files.writeString(app.resolve("application.properties"), String.join("\n",
                    "camel.main.name=plain-camel-main",
                    "camel.main.routes-include-pattern=file:" + app.resolve("route.yaml"),
                    "camel.component.magento.state-directory=" + app.resolve("state"),
                    "magento.token=" + store.options().accessToken(), ""), StandardCharsets.UTF_8);

            List<String> classPath = new ArrayList<>(List.of(app.toString(), componentJar().toString()));
            classPath.addAll(dependencies);
            List<String> command = List.of(ConnectorProcess.javaBin(), "-Xmx256m", "-cp",
                    String.join(java.io.File.pathSeparator, classPath), "org.apache.camel.main.Main");
            try (ConnectorProcess camel = ConnectorProcess.startCommand("plain-camel-main", command, Map.of())) {
                List<ConsumerRecord<String, String>> records = TestKafka.readAtLeast(topic, PRODUCTS, Duration.ofSeconds(90));
                assertEquals(PRODUCTS, records.size(), "one message per product:\n" + camel.output());
                Set<String> skus = records.stream().map(r -> Records.json(r).path("sku").asText()).collect(Collectors.toSet());
                Set<String> expected = new HashSet<>();
                store.catalog().products().forEach(p -> expected.add(p.get("sku").asText()));
                assertEquals(expected, skus, "each message is one product as Magento returns it");
                assertTrue(camel.output().contains("plain-camel-main-products"), "the route ran in Camel Main:\n" + camel.output());
            }
        }
    }

    /** The component jar the root build made (pom.xml, execution "component-jar"; installed as camel-magento). */
    private static Path componentJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(PROJECT.resolve("target"), "*-component.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("target/*-component.jar is missing: the integration tests run after 'package'");
    }

    /**
     * Maven resolves src/component/pom.xml on its own (offline first: the root build already fetched everything it
     * names; then online, as a user's first build does).
     */
    private static List<String> dependenciesOfTheComponentPom(Path output) throws Exception {
        Files.createDirectories(PROJECT.resolve("target/it-logs"));
        String mvnw = PROJECT.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw").toString();
        for (boolean offline : new boolean[] {true, false}) {
            List<String> command = new ArrayList<>(List.of(mvnw, "-q", "-B", "-f", "src/component/pom.xml",
                    "dependency:build-classpath", "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + output));
            if (offline) {
                command.add("-o");
            }
            Process maven = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                    .redirectOutput(PROJECT.resolve("target/it-logs/plain-camel-main-maven.log").toFile()).start();
            if (maven.waitFor(5, TimeUnit.MINUTES) && maven.exitValue() == 0 && Files.exists(output)) {
                return Arrays.stream(Files.readString(output).trim().split(java.io.File.pathSeparator))
                        .filter(s -> !s.isBlank()).toList();
            }
            maven.destroyForcibly();
        }
        throw new IllegalStateException("Maven could not resolve src/component/pom.xml: see target/it-logs/plain-camel-main-maven.log");
    }
}
