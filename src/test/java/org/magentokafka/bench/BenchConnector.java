package org.magentokafka.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged connector ({@code java -jar target/quarkus-app/quarkus-run.jar}) as its own process, like
 * {@code testing.ConnectorProcess} but with the benchmark's JVM options: a chosen {@code -Xmx}, a GC log (for the
 * heap peak, without JFR or agents) and access to the PID (for the RSS peak, VmHWM in /proc/PID/status).
 */
final class BenchConnector implements AutoCloseable {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/quarkus-app/quarkus-run.jar");
    /** G1 / Serial / Parallel unified-logging line: "... Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(64M) 3.1ms". */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Process process;
    private final Path gcLog;
    private final List<SeenLine> lines = new CopyOnWriteArrayList<>();
    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^:]+:(\\d+)");

    /** A line of the connector's output and when the benchmark read it. */
    record SeenLine(Instant at, String text) {
    }

    private BenchConnector(Process process, Path log, Path gcLog, boolean echo) throws IOException {
        this.process = process;
        this.gcLog = gcLog;
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(new SeenLine(Instant.now(), line));
                    out.println(line);
                    if (echo) {
                        System.out.println("[connector] " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                out.close();
            }
        }, "bench-connector-output");
        pump.setDaemon(true);
        pump.start();
    }

    static BenchConnector start(String name, String xmx, Map<String, String> env, boolean echo) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the benchmark with ./mvnw -Pbench package");
        }
        Path dir = Files.createDirectories(PROJECT.resolve("target/bench"));
        Path gcLog = dir.resolve(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx,
                "-Xlog:gc:file=" + gcLog + ":uptime"));
        // e.g. -Dbench.jvmArgs="-XX:StartFlightRecording=filename=target/bench/sync.jfr" to profile the connector
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("MAGENTO_") || k.startsWith("KAFKA_") || k.startsWith("QUARKUS_"));
        pb.environment().put("QUARKUS_HTTP_PORT", "0");
        pb.environment().put("MAGENTO_STATE_DIRECTORY", dir.resolve("state-" + name + "-" + System.nanoTime()).toString());
        pb.environment().putAll(env);
        // e.g. -Dbench.env=MAGENTO_HA_ENABLED=true,MAGENTO_STATE_STORE=kafka to measure what high availability costs
        for (String pair : System.getProperty("bench.env", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                pb.environment().put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        System.out.println("[bench] connector: " + String.join(" ", command));
        return new BenchConnector(pb.start(), dir.resolve(name + ".log"), gcLog, echo);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> lines() {
        return lines.stream().map(SeenLine::text).toList();
    }

    List<SeenLine> seenLines() {
        return List.copyOf(lines);
    }

    /** The first line matching, or null. */
    String find(Pattern pattern) {
        for (SeenLine l : lines) {
            if (pattern.matcher(l.text()).find()) {
                return l.text();
            }
        }
        return null;
    }

    /** Waits for the first line matching; fails when the connector exits or the time is up. */
    String await(Pattern pattern, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String l = find(pattern);
            if (l != null) {
                return l;
            }
            if (!isAlive()) {
                throw new IllegalStateException("the connector exited before logging " + what + "; see target/bench/*.log");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no " + what + " within " + timeout);
    }

    /** The HTTP port Quarkus chose (the benchmark starts it with port 0), from its start-up line; -1 before it. */
    int httpPort() {
        String l = find(LISTENING);
        if (l == null) {
            return -1;
        }
        Matcher m = LISTENING.matcher(l);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    /** Adds the connector's WARN/ERROR lines (at most 10) to the report. */
    void reportProblems(BenchReport report) {
        List<String> problems = new ArrayList<>();
        for (String l : lines()) {
            if (l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("OutOfMemoryError")) {
                problems.add(l);
            }
        }
        report.line("connector WARN/ERROR lines: %d%s", problems.size(),
                problems.isEmpty() ? "" : "\n    " + String.join("\n    ", problems.subList(0, Math.min(10, problems.size()))));
    }

    /** VmHWM (peak resident set size) of the connector process in KiB, or -1 when /proc is not available. */
    long rssPeakKiB() {
        return procStatus("VmHWM:");
    }

    long rssNowKiB() {
        return procStatus("VmRSS:");
    }

    private long procStatus(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (l.startsWith(field)) {
                    return Long.parseLong(l.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process ended
        }
        return -1;
    }

    /** Number of GC log lines so far: a mark to measure one phase's peak from. */
    int gcMark() {
        return gcLines().size();
    }

    /**
     * Heap figures from the GC log lines after {@code fromLine}: the peak of heap used (the "before" of every
     * collection, the highest occupancy the JVM reached before it had to collect), the highest live heap after a
     * collection, the highest committed heap, and how many collections. In MiB.
     */
    HeapPeak heapPeak(int fromLine) {
        List<String> gc = gcLines();
        double before = 0, after = 0, committed = 0;
        int count = 0;
        for (int i = fromLine; i < gc.size(); i++) {
            Matcher m = GC_LINE.matcher(gc.get(i));
            if (m.find()) {
                before = Math.max(before, mib(m.group(1), m.group(2)));
                after = Math.max(after, mib(m.group(3), m.group(4)));
                committed = Math.max(committed, mib(m.group(5), m.group(6)));
                count++;
            }
        }
        return new HeapPeak(before, after, committed, count);
    }

    record HeapPeak(double usedBeforeGcMiB, double liveAfterGcMiB, double committedMiB, int collections) {
    }

    private static double mib(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    private List<String> gcLines() {
        try {
            return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
