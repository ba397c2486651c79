package org.magentokafka.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * The packaged connector ({@code java -jar target/quarkus-app/quarkus-run.jar}, run from the project root) as a
 * separate process configured only by environment variables, exactly as an operator runs it. Its output is
 * kept for assertions and written to {@code target/it-logs/<name>.log}.
 */
public final class ConnectorProcess implements AutoCloseable {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/quarkus-app/quarkus-run.jar");

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ConnectorProcess(String name, Process process, Path log, Consumer<String> echo) throws IOException {
        this.name = name;
        this.process = process;
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    out.println(line);
                    echo.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                out.close();
            }
        }, "connector-output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    public static ConnectorProcess start(String name, Map<String, String> env) {
        return start(name, env, line -> {
        });
    }

    /** Starts the connector and hands every line it prints to {@code echo} as well. */
    public static ConnectorProcess start(String name, Map<String, String> env, Consumer<String> echo) {
        return start(name, env, echo, new String[0]);
    }

    /** Starts the connector with command-line arguments (e.g. --check). */
    public static ConnectorProcess start(String name, Map<String, String> env, Consumer<String> echo,
                                         String... args) {
        return launch(PROJECT, name, env, echo, List.of(), args);
    }

    /**
     * Starts the packaged connector with another working directory (where it reads routes/, application.properties
     * and config/application.properties), as an operator runs the jar from their own directory.
     */
    public static ConnectorProcess startIn(Path workingDirectory, String name, Map<String, String> env,
                                           Consumer<String> echo, String... args) {
        return launch(workingDirectory, name, env, echo, List.of(), args);
    }

    /** Starts the connector with JVM options before {@code -jar} (e.g. {@code -Dfile.encoding=US-ASCII}). */
    public static ConnectorProcess startWithJvmOptions(String name, Map<String, String> env, List<String> jvmOptions) {
        return launch(PROJECT, name, env, line -> {
        }, jvmOptions);
    }

    /**
     * Starts another Camel runtime than the packaged app (e.g. plain Camel Main with the component artifact), with
     * the same output capture and the same environment hygiene.
     */
    public static ConnectorProcess startCommand(String name, List<String> command, Map<String, String> env) {
        try {
            Path logs = Files.createDirectories(PROJECT.resolve("target/it-logs"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("MAGENTO_") || k.startsWith("KAFKA_")
                    || k.startsWith("QUARKUS_") || k.startsWith("CAMEL_"));
            pb.environment().putAll(env);
            return new ConnectorProcess(name, pb.start(), logs.resolve(name + ".log"), line -> {
            });
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command, e);
        }
    }

    /** The java launcher of the JVM running the tests. */
    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ConnectorProcess launch(Path workingDirectory, String name, Map<String, String> env,
                                           Consumer<String> echo, List<String> jvmOptions,
                                           String... args) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the integration tests run after 'package' (./mvnw verify)");
        }
        try {
            Path logs = Files.createDirectories(PROJECT.resolve("target/it-logs"));
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
            // Only what the test sets: no inherited MAGENTO_* or KAFKA_* from the developer's shell.
            pb.environment().keySet().removeIf(k -> k.startsWith("MAGENTO_") || k.startsWith("KAFKA_") || k.startsWith("QUARKUS_"));
            pb.environment().put("QUARKUS_HTTP_PORT", "0");
            // Each connector its own change-detection state unless the test shares one on purpose.
            pb.environment().put("MAGENTO_STATE_DIRECTORY", PROJECT.resolve("target/it-state/" + name + "-" + System.nanoTime()).toString());
            pb.environment().putAll(env);
            return new ConnectorProcess(name, pb.start(), logs.resolve(name + ".log"), echo);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the connector", e);
        }
    }


    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** Waits until a line matches, and returns it. */
    public String awaitLine(Pattern pattern, Duration timeout) {
        return awaitLine(l -> pattern.matcher(l).find(), pattern.pattern(), timeout);
    }

    public String awaitLine(Predicate<String> match, String description, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (match.test(l)) {
                    return l;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("connector '" + name + "' exited (" + process.exitValue() + ") before logging "
                                         + description + ":\n" + output());
            }
            sleep(100);
        }
        throw new AssertionError("connector '" + name + "' did not log " + description + " within " + timeout + ":\n" + output());
    }

    /** The HTTP port Quarkus chose (the tests start it with port 0), read from its start-up line. */
    public int httpPort(Duration timeout) {
        String line = awaitLine(Pattern.compile("Listening on: https?://[^:]+:(\\d+)"), timeout);
        Matcher m = Pattern.compile("Listening on: https?://[^:]+:(\\d+)").matcher(line);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    public long count(Pattern pattern) {
        return lines.stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("connector '" + name + "' did not exit within " + timeout + ":\n" + output());
            }
            sleep(200); // let the output pump drain
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Kubernetes stops a pod. */
    public int stop() {
        process.destroy();
        return waitFor();
    }

    /** SIGSTOP: the whole JVM stands still (a long GC pause, a stalled VM) until {@link #thaw()}. */
    public void freeze() {
        signal("-STOP");
    }

    /** SIGCONT: a frozen JVM goes on where it stood, unaware of the time that passed. */
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill " + signal + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: no shutdown hook runs. */
    public int kill() {
        process.destroyForcibly();
        return waitFor();
    }

    private int waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
