package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.magentokafka.docker.Dockerfiles;
import org.magentokafka.docker.Dockerfiles.Copy;
import org.magentokafka.docker.Dockerfiles.Parsed;

/**
 * Every path the Dockerfiles copy exists after the build each one names (no Docker engine here, so statically):
 * docker/Dockerfile.jvm and docker/Dockerfile.sandbox after ./mvnw package (this runs in verify, after package); docker/Dockerfile.native's
 * build stage from the repository, its runtime stage from what the native build writes (target/*-runner).
 */
class DockerfilePathsIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void jvmImageCopiesWhatPackageBuilt() throws IOException {
        Parsed jvm = Dockerfiles.parse(PROJECT.resolve("docker/Dockerfile.jvm"));
        assertEquals(1, jvm.stageImages().size());
        assertTrue(jvm.stageImages().get(0).matches("eclipse-temurin:17-jre.*"), "a JRE base image: " + jvm.stageImages());
        assertNonRoot(jvm.stageUsers().get(0));
        List<String> missing = new ArrayList<>();
        for (Copy copy : jvm.copies()) {
            copy.sources().forEach(s -> missing.addAll(missing(s)));
        }
        assertEquals(List.of(), missing, "copied by Dockerfile.jvm but not there after ./mvnw package");
        Map<String, String> destinations = jvm.copies().stream()
                .collect(Collectors.toMap(c -> c.sources().get(0), Copy::destination));
        assertEquals("/deployments/routes/", destinations.get("routes/"), "routes where file:routes/*.yaml finds them");
        assertEquals("/deployments/kamelets/", destinations.get("kamelets/"), "kamelets where file:kamelets finds them");
        assertEquals("/deployments/config/application.properties", destinations.get("application.properties"),
                "the configuration where Quarkus reads config/application.properties");
        assertEquals("/deployments/", destinations.get("target/quarkus-app/*.jar"));
        assertTrue(Files.exists(PROJECT.resolve("target/quarkus-app/quarkus-run.jar")), "the entry point the image runs");
    }

    @Test
    void sandboxImageCopiesTheSandboxJarAndItsOnlyDependencyWhatPackageBuilt() throws IOException {
        // docker/compose.yaml's sandbox service runs docker/Dockerfile.sandbox's image, not the connector's.
        Parsed sandbox = Dockerfiles.parse(PROJECT.resolve("docker/Dockerfile.sandbox"));
        assertEquals(1, sandbox.stageImages().size());
        assertTrue(sandbox.stageImages().get(0).matches("eclipse-temurin:17-jre.*"), "a JRE base image: " + sandbox.stageImages());
        assertNonRoot(sandbox.stageUsers().get(0));
        List<String> missing = new ArrayList<>();
        for (Copy copy : sandbox.copies()) {
            copy.sources().forEach(s -> missing.addAll(missing(s)));
            assertEquals("/sandbox/lib/", copy.destination(), "the entry point's classpath is /sandbox/lib/*: " + copy.line());
        }
        assertEquals(List.of(), missing, "copied by Dockerfile.sandbox but not there after ./mvnw package");
        Path sandboxJar;
        try (Stream<Path> jars = Files.list(PROJECT.resolve("target"))) {
            sandboxJar = jars.filter(p -> p.getFileName().toString().endsWith("-sandbox.jar")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(sandboxJar.toFile())) {
            assertNotNull(jar.getEntry("org/magentokafka/sandbox/SandboxStore.class"), "the simulator is in " + sandboxJar);
        }
        try (Stream<Path> libs = Files.list(PROJECT.resolve("target/sandbox-lib"))) {
            List<String> names = libs.map(p -> p.getFileName().toString()).sorted().toList();
            for (String jackson : List.of("jackson-annotations-", "jackson-core-", "jackson-databind-")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(jackson)), "Jackson, the simulator's only dependency: " + names);
            }
            assertEquals(3, names.size(), "nothing but Jackson next to the sandbox jar: " + names);
        }
    }

    @Test
    void nativeImageBuildStageCopiesTheRepositoryAndRuntimeStageTheRunner() throws IOException {
        Parsed nat = Dockerfiles.parse(PROJECT.resolve("docker/Dockerfile.native"));
        assertEquals(2, nat.stageImages().size(), "multi-stage: builder, runtime");
        assertTrue(nat.stageImages().get(0).contains("mandrel-builder"), nat.stageImages().get(0));
        assertTrue(nat.stageImages().get(1).contains("micro"), "a minimal runtime image: " + nat.stageImages().get(1));
        assertNonRoot(nat.stageUsers().get(1));
        List<String> missing = new ArrayList<>();
        List<Copy> fromBuild = new ArrayList<>();
        for (Copy copy : nat.copies()) {
            if (copy.from() != null) {
                assertEquals("build", copy.from(), copy.line());
                fromBuild.add(copy);
            } else {
                copy.sources().forEach(s -> missing.addAll(missing(s)));
            }
        }
        assertEquals(List.of(), missing, "copied from the repository by Dockerfile.native but missing");
        assertTrue(nat.copies().stream().anyMatch(c -> c.stage() == 0 && c.sources().contains("src/")), "the build stage has the sources");

        // The runtime stage takes the executable `./mvnw package -Dnative` writes: target/<artifactId>-<version>-runner
        // (Quarkus' default output name and runner suffix; application.properties must not change them).
        assertEquals(1, fromBuild.size(), fromBuild.toString());
        String source = fromBuild.get(0).sources().get(0);
        assertTrue(source.startsWith("/build/target/"), "the build stage's WORKDIR is /build: " + source);
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        String runner = "target/" + tag(pom, "artifactId") + "-" + tag(pom, "version") + "-runner";
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source.substring("/build/".length()));
        assertTrue(glob.matches(Path.of(runner)), source + " matches the native build's output " + runner);
        assertEquals("/work/application", fromBuild.get(0).destination());
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(PROJECT.resolve("application.properties"))) {
            props.load(in);
        }
        assertFalse(props.containsKey("quarkus.package.output-name") || props.containsKey("quarkus.package.runner-suffix"),
                "the native executable keeps its default name");
        assertTrue(pom.contains("<quarkus.native.enabled>true</quarkus.native.enabled>"), "the native profile (-Dnative)");
    }

    private static void assertNonRoot(String user) {
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), "runs as a non-root user, not " + user);
    }

    /** The first <tag> of the pom below <project> (the project's own artifactId and version, not the parent's). */
    private static String tag(String pom, String tag) {
        String body = pom.substring(pom.indexOf("</modelVersion>"));
        int start = body.indexOf("<" + tag + ">") + tag.length() + 2;
        return body.substring(start, body.indexOf("</" + tag + ">", start)).strip();
    }

    /** A COPY source (a file, a directory ending in /, or a glob) relative to the build context: what is missing. */
    private static List<String> missing(String source) {
        if (source.contains("*")) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
            Path dir = PROJECT.resolve(source.substring(0, Math.max(0, source.lastIndexOf('/'))));
            try (Stream<Path> files = Files.list(dir)) {
                return files.anyMatch(p -> glob.matches(PROJECT.relativize(p))) ? List.of() : List.of(source + " (no match)");
            } catch (IOException e) {
                return List.of(source + " (" + e + ")");
            }
        }
        Path path = PROJECT.resolve(source);
        if (source.endsWith("/")) {
            try (Stream<Path> content = Files.isDirectory(path) ? Files.list(path) : Stream.empty()) {
                return content.findAny().isPresent() ? List.of() : List.of(source + " (missing or empty directory)");
            } catch (IOException e) {
                return List.of(source + " (" + e + ")");
            }
        }
        return Files.isRegularFile(path) ? List.of() : List.of(source);
    }
}
