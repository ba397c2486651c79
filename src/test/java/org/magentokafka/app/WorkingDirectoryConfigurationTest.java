package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working directory's application.properties sits between the packaged copy and config/application.properties
 * (the packaged run itself is covered by WorkingDirectoryConfigurationIT).
 */
class WorkingDirectoryConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void noFileNoSource() {
        assertTrue(WorkingDirectoryConfiguration.sources(dir, getClass().getClassLoader()).isEmpty());
    }

    @Test
    void theWorkingDirectoryFileOverridesThePackagedOneAndConfigOverridesIt() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "magento.page-size=37\nmagento.paging=keyset\n");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.properties"), "magento.page-size=23\n");
        ClassLoader loader = getClass().getClassLoader();
        List<ConfigSource> workingDirectory = WorkingDirectoryConfiguration.sources(dir, loader);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // the ordinals Quarkus gives the packaged file (classpath) and config/application.properties
                .withSources(new PropertiesConfigSource(Map.of("magento.page-size", "100", "magento.paging", "page-number",
                        "magento.rest-path", "/rest"), "packaged application.properties", 250))
                .withSources(workingDirectory)
                .withSources(PropertiesConfigSourceLoader.inFileSystem(dir.resolve("config/application.properties").toUri().toString(), 260, loader))
                .build();
        assertEquals("23", config.getRawValue("magento.page-size"), "config/application.properties wins");
        assertEquals("keyset", config.getRawValue("magento.paging"), "the working directory file beats the packaged one");
        assertEquals("/rest", config.getRawValue("magento.rest-path"), "the packaged copy fills in the rest");
    }
}
