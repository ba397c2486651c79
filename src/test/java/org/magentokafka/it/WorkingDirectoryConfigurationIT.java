package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.SyncPages;
import org.magentokafka.testing.TestKafka;

/**
 * The packaged app reads application.properties in its working directory at run time (edits count on restart,
 * without a rebuild, like routes/), config/application.properties (the images' file) overrides it, and the typo
 * and value checks cover both files. Each run uses its own working directory holding a copy of the project's
 * routes/ and application.properties, as an operator's directory would.
 */
class WorkingDirectoryConfigurationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of("target/it-workdirs").toAbsolutePath();

    /** Store, credentials and broker only: everything the test varies comes from the files. */
    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;

    @BeforeAll
    static void startStore() {
        environment = ConnectorEnvironment.builder().store(SandboxOptions.builder().productCount(30).build()).start();
        store = environment.store();
    }

    @Test
    void anEditOfTheWorkingDirectoryFileCountsAtTheNextStartWithoutARebuild() throws Exception {
        Path dir = workingDirectory("edited");
        append(dir.resolve("application.properties"), "magento.page-size=37");
        assertEquals(Set.of("37"), pageSizesOfOneRun(dir, "workdir-edited-1"), "the edited value is used");

        append(dir.resolve("application.properties"), "magento.page-size=41");
        assertEquals(Set.of("41"), pageSizesOfOneRun(dir, "workdir-edited-2"), "the next edit is used at the next start");
    }

    @Test
    void configApplicationPropertiesOverridesTheWorkingDirectoryFile() throws Exception {
        Path dir = workingDirectory("override");
        append(dir.resolve("application.properties"), "magento.page-size=37");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.properties"), "magento.page-size=23\n");
        assertEquals(Set.of("23"), pageSizesOfOneRun(dir, "workdir-override"), "config/application.properties wins");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application.properties", "config/application.properties"})
    void aTypoInEitherFileIsOneWarningWithTheClosestName(String file) throws Exception {
        Path dir = workingDirectory("typo-" + file.replace('/', '-'));
        Files.createDirectories(dir.resolve(file).getParent());
        append(dir.resolve(file), "magento.page-siz=50");
        try (ConnectorProcess connector = environment.startIn(dir, "workdir-typo-" + file.replace('/', '-'), allStreamsOff())) {
            String line = connector.awaitLine(Pattern.compile("Unknown setting magento\\.page-siz "), WAIT);
            assertTrue(line.contains("WARN"), line);
            assertTrue(line.contains("did you mean magento.page-size?"), line);
            connector.awaitLine(Pattern.compile("Apache Camel .* started"), WAIT);
            assertEquals(1, connector.count(Pattern.compile("Unknown setting")), "nothing else is flagged:\n" + connector.output());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application.properties", "config/application.properties"})
    void anInvalidValueInEitherFileStopsTheStartWithOneLine(String file) throws Exception {
        Path dir = workingDirectory("invalid-" + file.replace('/', '-'));
        Files.createDirectories(dir.resolve(file).getParent());
        append(dir.resolve(file), "magento.page-size=301");
        try (ConnectorProcess connector = environment.startIn(dir, "workdir-invalid-" + file.replace('/', '-'))) {
            Awaitility.await().atMost(WAIT).until(() -> !connector.isAlive());
            assertNotEquals(0, connector.stop(), "exits with an error status");
            List<String> errors = connector.lines().stream().filter(l -> l.contains("ERROR")).toList();
            assertEquals(1, errors.size(), "one ERROR line:\n" + connector.output());
            assertTrue(errors.get(0).contains("Invalid configuration, not starting: magento.page-size=301 is out of range"),
                    errors.get(0));
            assertFalse(connector.output().contains("\tat "), "no stack trace:\n" + connector.output());
        }
    }

    /**
     * Runs the connector (products only) until the store saw a product page; the pageSize values of its pages (the
     * one-item look-ups, pageSize=1, the configurables' listing and the children look-ups are not pages of the sync).
     */
    private static Set<String> pageSizesOfOneRun(Path dir, String name) {
        store.requests().clear();
        Map<String, String> env = allStreamsOff();
        env.remove("MAGENTO_STREAMS_PRODUCTS_ENABLED");
        env.put("MAGENTO_STREAMS_PRODUCTS_TOPIC", TestKafka.uniqueTopic("workdir-products"));
        try (ConnectorProcess connector = environment.startIn(dir, name, env)) {
            Awaitility.await().atMost(WAIT).until(() -> !pageSizes().isEmpty() || !connector.isAlive());
            assertTrue(connector.isAlive(), "the connector runs:\n" + connector.output());
            return pageSizes();
        }
    }

    private static Set<String> pageSizes() {
        return SyncPages.of(store, "/V1/products").stream().map(r -> r.query().get("searchCriteria[pageSize]"))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> allStreamsOff() {
        Map<String, String> env = new HashMap<>();
        for (String stream : List.of("PRODUCTS", "CATEGORIES", "CMS_PAGES", "SOURCE_ITEMS", "PRODUCT_ATTRIBUTES")) {
            env.put("MAGENTO_STREAMS_" + stream + "_ENABLED", "false");
        }
        return env;
    }

    /** A fresh directory with copies of the project's routes/ and application.properties. */
    private static Path workingDirectory(String name) throws IOException {
        Path dir = ROOT.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(dir.resolve("routes"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            routes.forEach(r -> {
                try {
                    Files.copy(r, dir.resolve("routes").resolve(r.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.copy(Path.of("application.properties"), dir.resolve("application.properties"));
        return dir;
    }

    /** A later line wins in a properties file: the edit an operator makes. */
    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, "\n" + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
