package org.magentokafka.kafka;

import org.magentokafka.config.PropertyNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;

class KafkaClientSettingsTest {

    /** Like MicroProfile Config: the file's dotted names, environment variables under their own names. */
    private static KafkaClientSettings read(Map<String, String> file, Map<String, String> env) {
        List<String> names = new ArrayList<>(file.keySet());
        names.addAll(env.keySet());
        return KafkaClientSettings.read(names, name -> {
            String fromEnv = env.get(PropertyNames.envName(name));
            return Optional.ofNullable(fromEnv != null ? fromEnv : file.get(name));
        });
    }

    private static final Map<String, String> FILE = Map.of("kafka.bootstrap.servers", "localhost:9092",
            "kafka.security.protocol", "PLAINTEXT", "kafka.compression", "lz4", "kafka.topic.partitions", "3",
            "kafka.topic.replication-factor", "-1", "kafka.sasl.jaas.config", "");

    @Test
    void environmentVariablesReachEveryClientAndOverrideTheFile(@TempDir Path dir) throws Exception {
        String ca = truststore(dir, "changeit").toString();
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", ca, "KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093"));
        assertEquals(List.of(), s.problems());
        assertEquals(List.of(), s.warnings());
        for (Map<String, Object> client : List.of(s.producer(), s.consumer(), s.admin())) {
            assertEquals("SASL_SSL", client.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
            assertEquals(ca, client.get("ssl.truststore.location"));
            assertEquals("changeit", client.get("ssl.truststore.password"));
            assertEquals("broker:9093", client.get("bootstrap.servers"));
            assertTrue(((String) client.get("sasl.jaas.config")).contains("ScramLoginModule"));
        }
    }

    @Test
    void eachClientGetsOnlyThePropertiesItKnows() {
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_LINGER_MS", "20", "KAFKA_FETCH_MAX_BYTES", "1048576"));
        assertEquals("20", s.producer().get("linger.ms"));
        assertFalse(s.consumer().containsKey("linger.ms"), "a consumer would log linger.ms as unused");
        assertFalse(s.admin().containsKey("linger.ms"));
        assertEquals("1048576", s.consumer().get("fetch.max.bytes"));
        assertFalse(s.producer().containsKey("fetch.max.bytes"));
    }

    @Test
    void theConnectorsOwnSettingsAndEmptyValuesAreNotClientProperties() {
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_COMPRESSION", "zstd", "KAFKA_TOPIC_REPLICATION_FACTOR", "3"));
        assertEquals(Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "PLAINTEXT"), new LinkedHashMap<>(s.producer()));
        assertEquals(List.of(), s.warnings());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void variablesKubernetesSetsForAServiceNamedKafkaAreIgnoredSilently() {
        Map<String, String> env = Map.of("KAFKA_PORT", "tcp://10.0.0.7:9092", "KAFKA_PORT_9092_TCP", "tcp://10.0.0.7:9092",
                "KAFKA_PORT_9092_TCP_ADDR", "10.0.0.7", "KAFKA_PORT_9092_TCP_PORT", "9092", "KAFKA_PORT_9092_TCP_PROTO", "tcp",
                "KAFKA_SERVICE_HOST", "10.0.0.7", "KAFKA_SERVICE_PORT", "9092", "KAFKA_SERVICE_PORT_TCP_CLIENT", "9092");
        KafkaClientSettings s = read(FILE, env);
        assertEquals(List.of(), s.warnings());
        assertEquals(List.of(), s.problems());
        assertEquals(Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "PLAINTEXT"), new LinkedHashMap<>(s.admin()));
    }

    @Test
    void aSettingTheConnectorFixesIsRefusedWithTheConnectorPropertyToUseInstead() {
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_ACKS", "1", "KAFKA_COMPRESSION_TYPE", "gzip", "KAFKA_SESSION_TIMEOUT_MS", "45000",
                "KAFKA_ENABLE_IDEMPOTENCE", "false", "KAFKA_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "5"));
        assertEquals(5, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().stream().anyMatch(p -> p.startsWith("kafka.compression.type (env KAFKA_COMPRESSION_TYPE) is fixed")
                                                       && p.contains("use magento.kafka.compression")), s.problems().toString());
        assertTrue(s.problems().stream().anyMatch(p -> p.startsWith("kafka.session.timeout.ms") && p.contains("magento.ha.lease-time")));
        assertTrue(s.problems().stream().anyMatch(p -> p.startsWith("kafka.acks (env KAFKA_ACKS)") && p.contains("acks=all")));
        assertFalse(s.producer().containsKey("acks"), "never handed to a client");
    }

    @Test
    void anUnknownKafkaNameIsOneWarningWithTheClosestProperty() {
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_SASL_JASS_CONFIG", "x"));
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("KAFKA_SASL_JASS_CONFIG (environment variable) is ignored")
                   && s.warnings().get(0).contains("did you mean kafka.sasl.jaas.config"), s.warnings().get(0));
        assertFalse(s.warnings().get(0).contains("x\""));
    }

    @Test
    void theSummaryMasksEverySecret() {
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required username=\"k\" password=\"hunter2\";",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw", "KAFKA_SSL_KEYSTORE_PASSWORD", "store-pw", "KAFKA_SSL_KEY_PASSWORD", "key-pw",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        String summary = s.summary();
        for (String secret : List.of("hunter2", "trust-pw", "store-pw", "key-pw", "username")) {
            assertFalse(summary.contains(secret), summary);
        }
        assertTrue(summary.contains("kafka.sasl.jaas.config=****") && summary.contains("kafka.security.protocol=SASL_SSL"), summary);
    }

    @Test
    void aTruststoreThatCannotBeOpenedIsRefusedWithoutShowingThePassword(@TempDir Path dir) throws Exception {
        Path store = truststore(dir, "right-pw");
        assertEquals(List.of(), read(FILE, Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "right-pw", "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")).problems());

        List<String> wrong = read(FILE, Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(), "KAFKA_SSL_TRUSTSTORE_PASSWORD", "wrong-pw",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")).problems();
        assertEquals(1, wrong.size());
        assertTrue(wrong.get(0).contains("cannot be opened as PKCS12") && wrong.get(0).contains("check kafka.ssl.truststore.password"), wrong.get(0));
        assertFalse(wrong.get(0).contains("wrong-pw"));

        List<String> missing = read(FILE, Map.of("KAFKA_SSL_KEYSTORE_LOCATION", dir.resolve("nope.p12").toString())).problems();
        assertEquals(List.of("kafka.ssl.keystore.location=" + dir.resolve("nope.p12") + " (env KAFKA_SSL_KEYSTORE_LOCATION) is not a readable file"),
                missing);
    }

    @Test
    void theStateStoreCanUseItsOwnBrokersWithTheSameSecurity() {
        KafkaClientSettings s = read(FILE, Map.of("KAFKA_SECURITY_PROTOCOL", "SSL")).withBootstrapServers("state:9093");
        assertEquals("state:9093", s.consumer().get("bootstrap.servers"));
        assertEquals("SSL", s.consumer().get("security.protocol"));
    }

    private static Path truststore(Path dir, String password) throws Exception {
        Path store = dir.resolve("ca.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (var out = Files.newOutputStream(store)) {
            ks.store(out, password.toCharArray());
        }
        return store;
    }
}
