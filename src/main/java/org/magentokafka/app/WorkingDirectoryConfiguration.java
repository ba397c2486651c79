package org.magentokafka.app;

import java.nio.file.Path;
import java.util.List;

import io.smallrye.config.PropertiesConfigSourceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Reads {@code application.properties} in the working directory at run time, so the README's
 * {@code java -jar target/quarkus-app/quarkus-run.jar} from the project root picks up edits of the root file on
 * restart, as it does for {@code routes/}. Without this, Quarkus only reads that file as packaged at build time.
 * <p>
 * Ordinal {@value #ORDINAL}: above the packaged copy (classpath, 250), below {@code config/application.properties}
 * (260, the images' file), {@code .env} (295), environment variables (300) and system properties (400). A missing
 * file is no source. Registered in META-INF/services (Quarkus wires ServiceLoader config sources at build time, no
 * classpath scanning); not static-init safe on purpose, so a native image reads the file at run time only.
 */
public class WorkingDirectoryConfiguration implements ConfigSourceProvider {

    static final int ORDINAL = 255;
    static final String FILE = "application.properties";

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        return sources(Path.of(System.getProperty("user.dir", "")), forClassLoader);
    }

    static List<ConfigSource> sources(Path workingDirectory, ClassLoader classLoader) {
        String location = workingDirectory.toAbsolutePath().resolve(FILE).toUri().toString();
        return PropertiesConfigSourceLoader.inFileSystem(location, ORDINAL, classLoader);
    }
}
