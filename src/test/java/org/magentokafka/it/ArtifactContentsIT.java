package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What ./mvnw package builds (this runs in verify, after package): the product (the app jar and everything the JVM
 * image copies) holds no simulator class; the component jar (classifier "component", the Kamelet's dependency)
 * holds the component and the capabilities below it and nothing of the Quarkus application; the sandbox jar holds
 * the simulator and only it.
 */
class ArtifactContentsIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Set<String> CAPABILITIES = Set.of("auth", "change", "client", "component", "config", "consumer",
            "enrich", "events", "health", "kafka", "net", "paging", "producer", "scan", "storefront", "stream");
    /** What a class of a jar any Camel runtime can use must not name (class file constant pool, internal form). */
    private static final List<String> FORBIDDEN_REFERENCES = List.of("io/quarkus", "jakarta/enterprise",
            "org/eclipse/microprofile", "org/magentokafka/app");

    @Test
    void theProductJarAndTheJvmImageHoldNoSimulatorClass() throws IOException {
        List<Path> jars = new ArrayList<>();
        List<String> found = new ArrayList<>();
        // Everything docker/Dockerfile.jvm copies from target/quarkus-app (lib, app, quarkus, quarkus-run.jar).
        try (Stream<Path> files = Files.walk(TARGET.resolve("quarkus-app"))) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String name = f.getFileName().toString();
                if (name.endsWith(".jar")) {
                    jars.add(f);
                } else if (TARGET.relativize(f).toString().replace('\\', '/').contains("org/magentokafka/sandbox/")) {
                    found.add(f.toString());
                }
            });
        }
        jars.add(productJar());
        for (Path jar : jars) {
            for (String entry : entries(jar)) {
                if (entry.startsWith("org/magentokafka/sandbox/")) {
                    found.add(TARGET.relativize(jar) + "!" + entry);
                }
            }
        }
        assertTrue(jars.stream().anyMatch(j -> j.getParent().getFileName().toString().equals("app")), "the app jar was checked: " + jars);
        assertEquals(List.of(), found, "simulator classes in the product");
    }

    @Test
    void theComponentJarHoldsTheComponentAndItsCapabilitiesOnly() throws IOException {
        Path jar = classified("component");
        List<String> entries = entries(jar);
        List<String> foreign = new ArrayList<>();
        for (String entry : entries) {
            if (entry.endsWith("/") || entry.startsWith("META-INF/maven/") || entry.equals("META-INF/MANIFEST.MF")) {
                continue;
            }
            boolean capability = entry.startsWith("org/magentokafka/")
                                 && CAPABILITIES.contains(entry.substring("org/magentokafka/".length()).split("/")[0]);
            boolean camelMetadata = entry.startsWith("META-INF/services/org/apache/camel/")
                                    || entry.equals("META-INF/org/magentokafka/component/magento.json");
            if (!capability && !camelMetadata) {
                foreign.add(entry);
            }
        }
        assertEquals(List.of(), foreign, "no application class, application.properties, simulator or Quarkus resource in " + jar);
        for (String needed : List.of("org/magentokafka/component/MagentoComponent.class",
                "org/magentokafka/component/MagentoComponentConfigurer.class", "org/magentokafka/component/MagentoEndpointConfigurer.class",
                "META-INF/services/org/apache/camel/component/magento", "META-INF/org/magentokafka/component/magento.json")) {
            assertTrue(entries.contains(needed), needed + " in " + jar);
        }

        // Complete: every compiled class outside the application is in it (a new capability package must be added).
        List<String> missing = new ArrayList<>();
        Path classes = TARGET.resolve("classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/magentokafka"))) {
            files.filter(f -> f.toString().endsWith(".class")).map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(c -> !c.startsWith("org/magentokafka/app/") && !entries.contains(c)).forEach(missing::add);
        }
        assertEquals(List.of(), missing, "compiled below src/component but not in the component jar (pom.xml, component-jar)");
    }

    @Test
    void noClassOfTheComponentJarReferencesQuarkusCdiMicroProfileOrTheApplication() throws IOException {
        Path jar = classified("component");
        List<String> references = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                String constants;
                try (InputStream in = file.getInputStream(entry)) {
                    // Class and descriptor names sit in the constant pool as (modified) UTF-8: a byte search finds them.
                    constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                for (String forbidden : FORBIDDEN_REFERENCES) {
                    if (constants.contains(forbidden)) {
                        references.add(entry.getName() + " -> " + forbidden);
                    }
                }
            }
        }
        assertEquals(List.of(), references, "the component must run in any Camel runtime");
    }

    @Test
    void theSandboxJarHoldsTheSimulatorAndNothingElse() throws IOException {
        Path jar = classified("sandbox");
        Set<String> topLevel = new TreeSet<>();
        List<String> foreign = new ArrayList<>();
        for (String entry : entries(jar)) {
            if (entry.endsWith(".class")) {
                if (!entry.startsWith("org/magentokafka/sandbox/")) {
                    foreign.add(entry);
                } else {
                    String name = entry.substring("org/magentokafka/sandbox/".length(), entry.length() - ".class".length());
                    topLevel.add(name.split("\\$")[0]);
                }
            }
        }
        assertEquals(List.of(), foreign, "only the simulator's package");
        // Exactly the simulator's sources (src/sandbox/java): none missing, none of its tests or their fixtures.
        Set<String> sources = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/sandbox/java/org/magentokafka/sandbox"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .forEach(n -> sources.add(n.substring(0, n.length() - ".java".length())));
        }
        assertEquals(sources, topLevel, "the sandbox jar's classes are the sources of src/sandbox/java");
    }

    /** target/<artifactId>-<version>.jar: the project's own jar (the Kamelet's earlier dependency). */
    private static Path productJar() throws IOException {
        try (Stream<Path> jars = Files.list(TARGET)) {
            return jars.filter(p -> p.getFileName().toString().matches("magento-kafka-connector-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no project jar in target/: run package"));
        }
    }

    private static Path classified(String classifier) throws IOException {
        try (Stream<Path> jars = Files.list(TARGET)) {
            Path jar = jars.filter(p -> p.getFileName().toString().endsWith("-" + classifier + ".jar")).findFirst().orElse(null);
            assertNotNull(jar, "target/*-" + classifier + ".jar after ./mvnw package");
            return jar;
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }
}
