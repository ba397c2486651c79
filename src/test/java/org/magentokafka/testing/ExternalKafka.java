package org.magentokafka.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;

/**
 * A Kafka broker (KRaft) in its own JVM on a fixed port, for tests that take Kafka away and bring it back: stop()
 * and start() keep its port and its data. Built from the test classpath's Kafka jars, nothing installed.
 */
public final class ExternalKafka implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    private ExternalKafka(Path dir, int port, int controllerPort) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=1", ""));
    }

    public static ExternalKafka start(Path dir) {
        try {
            Files.createDirectories(dir);
            ExternalKafka kafka = new ExternalKafka(dir, freePort(), freePort());
            kafka.run("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                    "-c", kafka.config.toString()).waitFor(60, TimeUnit.SECONDS);
            kafka.start();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the external Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts (again) on the same port with the same data. */
    public void start() throws Exception {
        process = run("kafka.Kafka", config.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("localhost", port), 500);
                Thread.sleep(1500); // the listener accepts before the broker is registered with the controller
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("external Kafka did not listen on " + port + "; see " + dir.resolve("broker.log"));
    }

    /** Stops the broker (SIGKILL: as abrupt as an outage). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    private Process run(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
