package org.magentokafka.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One Kafka broker (KRaft, in a child JVM from the test classpath's jars) with the listeners managed Kafka services
 * offer, shared by every test of the JVM (started on first use, stopped when the JVM exits):
 * <ul>
 * <li>{@code SCRAM}: SASL_SSL with SCRAM-SHA-512 (Strimzi, MSK, Aiven), user {@value #USER} created at format time;</li>
 * <li>{@code PLAIN}: SASL_SSL with PLAIN (Confluent Cloud's API key and secret);</li>
 * <li>{@code MTLS}: SSL with {@code ssl.client.auth=required} (a client certificate signed by the test CA).</li>
 * </ul>
 * TLS uses a CA generated for the run with the JDK's keytool: {@link #truststore()} trusts it, {@link #untrustedTruststore()}
 * trusts another CA only (the "unknown certificate" case). Every store has the password {@value #STORE_PASSWORD}.
 */
public final class SecuredKafka {

    public static final String USER = "connector";
    public static final String SCRAM_PASSWORD = "scram-Secret-4711";
    public static final String PLAIN_PASSWORD = "plain-Secret-4711";
    public static final String STORE_PASSWORD = "store-Secret-4711";

    private static SecuredKafka shared;

    private final Path dir;
    private final int scramPort;
    private final int plainPort;
    private final int mtlsPort;
    private Process process;

    private SecuredKafka(Path dir) throws IOException {
        this.dir = dir;
        this.scramPort = freePort();
        this.plainPort = freePort();
        this.mtlsPort = freePort();
    }

    /** The broker of this test JVM, started on first use. */
    public static synchronized SecuredKafka shared() {
        if (shared == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target/secured-kafka-" + System.nanoTime()).toAbsolutePath());
                SecuredKafka kafka = new SecuredKafka(dir);
                kafka.start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "secured-kafka-stop"));
                shared = kafka;
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the secured Kafka broker (see target/secured-kafka-*/broker.log)", e);
            }
        }
        return shared;
    }

    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** A truststore with another CA: the broker's certificate is unknown to it. */
    public Path untrustedTruststore() {
        return dir.resolve("untrusted-truststore.p12");
    }

    /** The client certificate and key for mutual TLS (signed by the test CA, CN=connector). */
    public Path clientKeystore() {
        return dir.resolve("client.p12");
    }

    public String scramBootstrap() {
        return "localhost:" + scramPort;
    }

    public String plainBootstrap() {
        return "localhost:" + plainPort;
    }

    public String mutualTlsBootstrap() {
        return "localhost:" + mtlsPort;
    }

    /** What an operator sets for SASL/SCRAM over TLS: environment variables only. */
    public Map<String, String> scramEnv(String password) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", scramBootstrap(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                                          + "\" password=\"" + password + "\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", truststore().toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
    }

    /** Confluent Cloud style: SASL/PLAIN over TLS. */
    public Map<String, String> plainEnv() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", plainBootstrap(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + USER
                                          + "\" password=\"" + PLAIN_PASSWORD + "\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", truststore().toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
    }

    /** Mutual TLS: the client certificate is the identity. */
    public Map<String, String> mutualTlsEnv() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", mutualTlsBootstrap(),
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", truststore().toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "KAFKA_SSL_KEYSTORE_LOCATION", clientKeystore().toString(),
                "KAFKA_SSL_KEYSTORE_PASSWORD", STORE_PASSWORD,
                "KAFKA_SSL_KEYSTORE_TYPE", "PKCS12",
                "KAFKA_SSL_KEY_PASSWORD", STORE_PASSWORD);
    }

    /** Client properties for the tests' own clients: the SCRAM listener with the right password. */
    public Map<String, Object> scramClient() {
        Map<String, Object> p = new HashMap<>();
        scramEnv(SCRAM_PASSWORD).forEach((k, v) -> p.put(k.substring("KAFKA_".length()).toLowerCase().replace('_', '.'), v));
        return p;
    }

    /** Reads a topic from the beginning over the SCRAM listener until {@code expected} records arrived or the timeout passed. */
    public List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout) {
        Map<String, Object> p = scramClient();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private void start() throws Exception {
        certificates();
        int controller = freePort();
        int internal = freePort();
        Path config = dir.resolve("server.properties");
        String stores = "ssl.keystore.location=" + dir.resolve("broker.p12") + "\nssl.keystore.password=" + STORE_PASSWORD
                        + "\nssl.key.password=" + STORE_PASSWORD + "\nssl.keystore.type=PKCS12\nssl.truststore.location=" + truststore()
                        + "\nssl.truststore.password=" + STORE_PASSWORD + "\nssl.truststore.type=PKCS12";
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controller,
                "listeners=INTERNAL://localhost:" + internal + ",CONTROLLER://localhost:" + controller + ",SCRAM://localhost:" + scramPort
                + ",PLAIN://localhost:" + plainPort + ",MTLS://localhost:" + mtlsPort,
                "advertised.listeners=INTERNAL://localhost:" + internal + ",SCRAM://localhost:" + scramPort + ",PLAIN://localhost:"
                + plainPort + ",MTLS://localhost:" + mtlsPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=INTERNAL",
                "listener.security.protocol.map=INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SCRAM:SASL_SSL,PLAIN:SASL_SSL,MTLS:SSL",
                "listener.name.scram.sasl.enabled.mechanisms=SCRAM-SHA-512",
                "listener.name.scram.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.plain.sasl.enabled.mechanisms=PLAIN",
                "listener.name.plain.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                + USER + "=\"" + PLAIN_PASSWORD + "\";",
                "listener.name.mtls.ssl.client.auth=required",
                stores,
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=1", ""));
        Process format = run("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                "-c", config.toString(), "--add-scram", "SCRAM-SHA-512=[name=" + USER + ",password=" + SCRAM_PASSWORD + "]");
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the secured broker failed; see " + dir.resolve("broker.log"));
        }
        process = run("kafka.Kafka", config.toString());
        awaitReady();
    }

    /** Ready when a SCRAM client over TLS is answered: the listeners, the certificates and the user all work. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            Map<String, Object> p = scramClient();
            p.put("request.timeout.ms", 3000);
            p.put("default.api.timeout.ms", 5000);
            try (Admin admin = Admin.create(p)) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("the secured broker did not answer; see " + dir.resolve("broker.log"), last);
    }

    /** A CA, the broker's certificate (localhost, 127.0.0.1), a client certificate and a second, unrelated CA. */
    private void certificates() throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Secured Kafka Test CA", "-ext", "bc:c", "-keystore", "ca.p12");
        keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem");
        keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "truststore.p12", "-noprompt");
        signed("broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        signed("client", "CN=" + USER, null);
        keytool("-genkeypair", "-alias", "other-ca", "-dname", "CN=Some Other CA", "-ext", "bc:c", "-keystore", "other-ca.p12");
        keytool("-exportcert", "-alias", "other-ca", "-keystore", "other-ca.p12", "-rfc", "-file", "other-ca.pem");
        keytool("-importcert", "-alias", "other-ca", "-file", "other-ca.pem", "-keystore", "untrusted-truststore.p12", "-noprompt");
    }

    private void signed(String name, String dname, String san) throws Exception {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-dname", dname, "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", name + ".csr",
                "-outfile", name + ".pem", "-rfc", "-ext", "EKU=serverAuth,clientAuth"));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", store, "-noprompt");
        keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store, "-noprompt");
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30"));
        }
        if (List.of(args).contains("-gencert")) {
            command.addAll(List.of("-validity", "30"));
        }
        command.addAll(List.of("-storepass", STORE_PASSWORD, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("keytool.log").toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed; see " + dir.resolve("keytool.log"));
        }
    }

    private Process run(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
