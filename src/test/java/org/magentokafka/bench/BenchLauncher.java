package org.magentokafka.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end benchmark ({@code ./mvnw -Pbench package -Dbench.products=... -Dbench.scenario=...}): a Kafka broker
 * (KRaft) and the simulator with a generated catalog and a fixed latency per request in this JVM ({@link BenchRig}),
 * the packaged connector as its own process. Runs the scenarios of {@code bench.scenario} in this order:
 * {@code full-sync} ({@link FullSyncRun}, the default), {@code idle} ({@link IdleRateRun}) and {@code changes}
 * ({@link ChangeLatencyRun}), {@code stock} ({@link StockLatencyRun}) and {@code busy} ({@link BusyStoreRun}), the last four on one connector at
 * its defaults ({@link DefaultsConnector}). Prints the
 * report and writes it to {@code target/bench/<run>.md}. See BENCHMARKS.md.
 */
public final class BenchLauncher {

    private BenchLauncher() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        BenchReport report = new BenchReport();
        BenchRig rig = BenchRig.start(options);
        FullSyncRun fullSync = new FullSyncRun(rig, report);
        String name = options.scenarios().equals(List.of("full-sync")) ? fullSync.name() : runName(options);
        report.line("# Benchmark %s (%s)", name, Instant.now());
        report.line("machine: %d cores (availableProcessors), java %s (%s), load average at start %.2f",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.line("scenarios: %s; %d products, %d ms per request, store views %s", options.scenarios(), options.products(),
                options.latencyMillis(), options.storeViews());
        report.line("");

        int exit = 0;
        try {
            if (options.scenarios().contains("full-sync") || options.calibrateOnly()) {
                exit = Math.max(exit, fullSync.run());
                report.line("");
            }
            boolean idle = options.scenarios().contains("idle");
            boolean changes = options.scenarios().contains("changes");
            boolean stock = options.scenarios().contains("stock");
            boolean busy = options.scenarios().contains("busy");
            if ((idle || changes || stock || busy) && !options.calibrateOnly()) {
                try (DefaultsConnector connector = DefaultsConnector.start(rig, name + "-defaults")) {
                    Double longestUnseen = null;
                    if (idle) {
                        IdleRateRun idleRun = new IdleRateRun(rig, report, connector);
                        exit = Math.max(exit, idleRun.run());
                        longestUnseen = idleRun.longestUnseenSeconds();
                    }
                    if (changes) {
                        exit = Math.max(exit, new ChangeLatencyRun(rig, report, connector, longestUnseen).run());
                    }
                    if (stock) {
                        exit = Math.max(exit, new StockLatencyRun(rig, report, connector).run());
                    }
                    if (busy) {
                        exit = Math.max(exit, new BusyStoreRun(rig, report, connector).run());
                    }
                }
            }
        } catch (Throwable e) {
            report.line("BENCHMARK FAILED: %s", e);
            e.printStackTrace();
            exit = 2;
        }
        System.out.println();
        System.out.println(report);
        Path out = report.write(name);
        System.out.println("[bench] report written to " + out + "; exit code " + exit);
        System.out.flush();
        rig.close();
        // The broker is stopped: halt, so that no shutdown hook can change the exit code (the test kit's broker,
        // stopped from a shutdown hook, sometimes ended the JVM with status 1 after a successful run).
        Runtime.getRuntime().halt(exit);
    }

    /** The full-sync run keeps its old name (its settings in it); the others are named by scenario, size and store views. */
    private static String runName(BenchOptions o) {
        // With the order signals (scenario stock), the report does not overwrite the one without them.
        return String.format(Locale.ROOT, "bench-%s-%dp-%dms-%s%s", String.join("+", o.scenarios()), o.products(), o.latencyMillis(),
                String.join("+", o.storeViews()), o.orderSignals() ? "-order-signals" : "");
    }
}
