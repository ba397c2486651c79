package org.magentokafka.app;

import org.magentokafka.config.PropertyNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Test access to the environment variable names the connector knows. */
public final class ConfigurationGuardAccess {

    private ConfigurationGuardAccess() {
    }

    public static Set<String> knownEnvNames(Path applicationProperties) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(applicationProperties)) {
            p.load(in);
        }
        Set<String> names = new TreeSet<>();
        p.stringPropertyNames().forEach(n -> names.add(PropertyNames.envName(n)));
        return names;
    }
}
