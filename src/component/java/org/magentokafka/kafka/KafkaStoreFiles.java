package org.magentokafka.kafka;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.magentokafka.config.PropertyNames;

/**
 * The truststore and keystore files of the Kafka settings, opened before anything starts: a wrong path or password
 * would otherwise surface as "Failed to construct kafka producer" with a stack trace while Camel starts the routes.
 * PEM stores are left to Kafka (their content is the value, or a file Kafka parses itself).
 */
final class KafkaStoreFiles {

    private KafkaStoreFiles() {
    }

    /** One message per store that cannot be opened; never shows a password. */
    static List<String> problems(Map<String, String> properties) {
        List<String> problems = new ArrayList<>();
        for (String store : List.of("truststore", "keystore")) {
            String location = properties.get("ssl." + store + ".location");
            if (location == null) {
                continue;
            }
            String type = properties.getOrDefault("ssl." + store + ".type", "JKS").toUpperCase(Locale.ROOT);
            String name = "kafka.ssl." + store + ".location";
            Path path = Path.of(location);
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                problems.add(name + "=" + location + " (env " + PropertyNames.envName(name) + ") is not a readable file");
                continue;
            }
            if (type.equals("PEM")) {
                continue;
            }
            String password = properties.get("ssl." + store + ".password");
            try (InputStream in = Files.newInputStream(path)) {
                // JKS reads PKCS12 too (and the reverse): Kafka's default type JKS works with either file.
                KeyStore.getInstance(type).load(in, password == null ? null : password.toCharArray());
            } catch (Exception e) {
                String passwordName = "kafka.ssl." + store + ".password";
                problems.add(name + "=" + location + " cannot be opened as " + type + " (" + e.getClass().getSimpleName()
                             + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): check " + passwordName + " (env "
                             + PropertyNames.envName(passwordName) + ") and kafka.ssl." + store + ".type");
            }
        }
        return problems;
    }
}
