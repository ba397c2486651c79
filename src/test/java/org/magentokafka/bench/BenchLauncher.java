package org.magentokafka.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.magentokafka.component.Durations;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.TestKafka;
import com.sun.management.OperatingSystemMXBean;
import java.lang.reflect.Field;

/**
 * End-to-end benchmark ({@code ./mvnw -Pbench package -Dbench.products=...}): a Kafka broker (KRaft) and the
 * simulator with a generated catalog and a fixed latency per request in this JVM, the packaged connector as its
 * own process (products stream, enrichment on, other streams off unless {@code bench.streams} names them). Waits
 * for the full sync, then for one idle poll, and prints for both: products/s, requests (total, per kind), wall
 * time, the latency limit (requests x latency / concurrency) and wall/limit, requests per page, heap and RSS
 * peaks. See BENCHMARKS.md.
 */
public final class BenchLauncher {

    private static final Pattern SYNCED = Pattern.compile(
            "magento:products synced (\\d+) items in (\\d+) pages from \\S+(?:, (\\d+) deleted)? in (\\d+) ms");
    private static final List<String> ALL_STREAMS = List.of("categories", "cms-pages", "source-items", "product-attributes");

    private BenchLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("bench.products", 20_000);
        long latency = Long.getLong("bench.latency", 200);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int pageSize = Integer.getInteger("bench.pageSize", 100);
        String xmx = System.getProperty("bench.xmx", "512m");
        String idleAfter = System.getProperty("bench.idleAfter", "10s");
        Set<String> streams = Set.of(System.getProperty("bench.streams", "none").split(","));
        boolean echo = Boolean.getBoolean("bench.echo");
        String paging = System.getProperty("bench.paging", "page-number");
        long offsetCost = Long.getLong("bench.offsetCost", 0);
        boolean gzip = Boolean.parseBoolean(System.getProperty("bench.gzip", "true"));
        String name = String.format(Locale.ROOT, "bench-%dp-%dms-c%d-ps%d-x%s-%s%s", products, latency, concurrency, pageSize, xmx,
                paging, offsetCost > 0 ? "-offset" + offsetCost + "us" : "");

        StringBuilder report = new StringBuilder();
        line(report, "# Benchmark %s (%s)", name, Instant.now());
        line(report, "machine: %d cores (availableProcessors), java %s (%s), load average at start %.2f",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line(report, "settings: products=%d latency=%d ms concurrency=%d pageSize=%d connector -Xmx%s pollInterval=%s streams=%s"
                     + " paging=%s simulator deep-OFFSET cost=%d us/row",
                products, latency, concurrency, pageSize, xmx, idleAfter, streams, paging, offsetCost);

        System.out.println("[bench] starting a Kafka broker (KRaft) ...");
        String bootstrap = TestKafka.bootstrapServers();
        System.out.println("[bench] generating " + products + " products ...");
        long genStart = System.nanoTime();
        SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(products).latencyMillis(latency).offsetCostMicros(offsetCost)
                .storeCodes(List.of("default"))
                .gzip(gzip) // the web server's gzip (issue 15): bytes received per product with and without it
                .build());
        System.out.printf("[bench] simulator at %s (%.1f s to generate), Kafka at %s%n", store.baseUrl(),
                (System.nanoTime() - genStart) / 1e9, bootstrap);

        // Calibration: what one request really costs the simulator here (latency + its own work), one at a time.
        BenchStoreClient client = new BenchStoreClient(store);
        int lastPage = Math.max(1, (products + pageSize - 1) / pageSize);
        String sample = client.productPage(lastPage / 2 + 1, pageSize);
        client.stockFor(sample);
        double pageMs = timeMs(() -> client.productPage(lastPage / 2 + 1, pageSize), 3);
        double stockMs = timeMs(() -> client.stockFor(sample), 3);
        line(report, "simulator calibration (sequential, latency included): product page %.0f ms, stock look-up %.0f ms"
                     + " (configured latency %d ms; the excess is the simulator's own CPU work on this machine)", pageMs, stockMs, latency);
        store.requests().clear();
        if (Boolean.getBoolean("bench.calibrateOnly")) {
            store.close();
            System.out.println();
            System.out.println(report);
            System.exit(0);
        }

        String topic = "bench.products." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>();
        env.put("MAGENTO_BASE_URL", store.baseUrl());
        env.put("MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken());
        env.put("MAGENTO_STORE_CODES", "default");
        env.put("MAGENTO_PAGE_SIZE", String.valueOf(pageSize));
        env.put("MAGENTO_MAX_CONCURRENCY", String.valueOf(concurrency));
        env.put("MAGENTO_PAGING", paging);
        env.put("MAGENTO_POLL_INTERVAL", idleAfter);
        env.put("MAGENTO_STREAMS_PRODUCTS_TOPIC", topic);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        for (String s : ALL_STREAMS) {
            env.put("MAGENTO_STREAMS_" + s.toUpperCase(Locale.ROOT).replace('-', '_') + "_ENABLED",
                    String.valueOf(streams.contains(s) || streams.contains("all")));
        }

        int exit = 0;
        long cpuTicks = 100; // USER_HZ on Linux
        try (BenchConnector connector = BenchConnector.start(name, xmx, env, echo)) {
            Instant started = Instant.now();
            long benchCpu0 = processCpuNanos();
            // ---- full sync ----
            long estimateMs = (long) (2.0 * products / pageSize * Math.max(latency, 1) * 4) + 180_000;
            String synced = await(connector, SYNCED, Duration.ofMillis(estimateMs));
            List<LoggedRequest> fullRequests = store.requests().all();
            long fullRss = connector.rssPeakKiB();
            BenchConnector.HeapPeak fullHeap = connector.heapPeak(0);
            int gcMark = connector.gcMark();
            long connectorCpuFull = connectorCpuMillis(connector.pid(), cpuTicks);
            long benchCpuFull = (processCpuNanos() - benchCpu0) / 1_000_000;
            Matcher m = SYNCED.matcher(synced);
            m.find();
            long items = Long.parseLong(m.group(1));
            int pages = Integer.parseInt(m.group(2));
            long wallMs = Long.parseLong(m.group(4));
            Instant firstRequest = fullRequests.isEmpty() ? Instant.now() : fullRequests.get(0).at();
            long recordsAfterFull = recordCount(bootstrap, topic);
            System.out.println("[bench] full sync done: " + synced);
            long wire = fullRequests.stream().mapToLong(LoggedRequest::responseBytes).sum();
            String bytes = String.format(Locale.ROOT, "bytes received per product: %d (gzip %s; %d bytes in %d responses)",
                    wire / Math.max(1, items), gzip ? "on" : "off", wire, fullRequests.size());
            System.out.println("[bench] " + bytes);
            line(report, "%s", bytes);

            // ---- idle poll ----
            int before = store.requests().size();
            long idleTimeout = Durations.parse("bench.idleAfter", idleAfter).toMillis() + 120_000;
            long deadline = System.currentTimeMillis() + idleTimeout;
            while (store.requests().size() == before && System.currentTimeMillis() < deadline && connector.isAlive()) {
                Thread.sleep(50);
            }
            long quietMs = Math.max(3000, 10 * latency);
            int seen = store.requests().size();
            long lastChange = System.currentTimeMillis();
            while (System.currentTimeMillis() - lastChange < quietMs && connector.isAlive()) {
                Thread.sleep(100);
                if (store.requests().size() != seen) {
                    seen = store.requests().size();
                    lastChange = System.currentTimeMillis();
                }
            }
            List<LoggedRequest> all = store.requests().all();
            List<LoggedRequest> idleRequests = all.subList(Math.min(before, all.size()), all.size());
            long idleRss = connector.rssPeakKiB();
            BenchConnector.HeapPeak idleHeap = connector.heapPeak(gcMark);
            BenchConnector.HeapPeak overallHeap = connector.heapPeak(0);
            String idleSynced = null;
            for (String l : connector.lines()) {
                if (SYNCED.matcher(l).find() && !l.equals(synced)) {
                    idleSynced = l;
                }
            }
            long records = recordCount(bootstrap, topic);

            // ---- report ----
            Map<String, Integer> fullKinds = kinds(fullRequests);
            Map<String, Integer> idleKinds = kinds(idleRequests);
            long idleWall = idleRequests.isEmpty() ? 0
                    : Duration.between(idleRequests.get(0).at(), idleRequests.get(idleRequests.size() - 1).at()).toMillis() + latency;
            line(report, "");
            line(report, "connector start to first request: %.1f s; full sync logged: `%s`",
                    Duration.between(started, firstRequest).toMillis() / 1000.0,
                    synced.replaceAll("^.*(magento:products)", "$1"));
            line(report, "");
            line(report, "| | full sync | first idle poll |");
            line(report, "|---|---|---|");
            line(report, "| items read (connector log) | %d | %s |", items,
                    idleSynced == null ? "0 (nothing logged)" : idleSynced.replaceAll("^.*synced (\\d+) items in (\\d+) pages.* in (\\d+) ms", "$1 in $2 pages ($3 ms), re-read"));
            line(report, "| records in the topic after the phase | %d | %d (unchanged items publish nothing) |", recordsAfterFull, records);
            line(report, "| wall time | %.1f s (connector's own figure) | %.1f s (first..last idle request + latency) |",
                    wallMs / 1000.0, idleWall / 1000.0);
            line(report, "| products/s | %.0f | n/a (nothing changed) |", items * 1000.0 / wallMs);
            line(report, "| requests, total | %d | %d |", fullRequests.size(), idleRequests.size());
            for (String kind : List.of("product pages", "stock look-ups", "metadata", "other")) {
                line(report, "| - %s | %d | %d |", kind, fullKinds.getOrDefault(kind, 0), idleKinds.getOrDefault(kind, 0));
            }
            int non200 = (int) all.stream().filter(r -> r.status() != 200).count();
            line(report, "| requests not answered 200 | %d | |", non200);
            double fullLimit = fullRequests.size() * (double) latency / concurrency;
            // A poll of fewer requests than the concurrency still takes one round trip: that is its floor.
            double idleLimit = idleRequests.isEmpty() ? 0
                    : Math.max(1, Math.ceil(idleRequests.size() / (double) concurrency)) * latency;
            line(report, "| latency limit = requests x %d ms / %d (at least one round trip) | %.1f s | %.1f s |", latency,
                    concurrency, fullLimit / 1000, idleLimit / 1000);
            line(report, "| **wall / limit** (target <= 1.15) | **%.2f** | %.2f |", wallMs / fullLimit,
                    idleLimit == 0 ? 0 : idleWall / idleLimit);
            int productPages = fullKinds.getOrDefault("product pages", 0);
            line(report, "| **requests per page** (target <= 2) | **%.2f** (%d requests / %d pages) | %s |",
                    fullRequests.size() / (double) Math.max(1, pages), fullRequests.size(), pages,
                    idleRequests.size() + " requests for 1 timestamped stream (target 1)");
            line(report, "| heap peak: used before GC / live after GC / committed (MiB) | %s | %s |", heap(fullHeap), heap(idleHeap));
            line(report, "| RSS peak (VmHWM, cumulative) | %.0f MiB | %.0f MiB |", fullRss / 1024.0, idleRss / 1024.0);
            line(report, "| connector CPU (user+sys) | %.1f s | |", connectorCpuFull / 1000.0);
            line(report, "| bench JVM CPU (simulator + broker) | %.1f s | |", benchCpuFull / 1000.0);
            line(report, "");
            if (productPages != pages) {
                line(report, "note: %d product-page requests for %d pages delivered", productPages, pages);
            }
            double effective = (fullKinds.getOrDefault("product pages", 0) * pageMs + fullKinds.getOrDefault("stock look-ups", 0) * stockMs)
                               / Math.max(1, productPages + fullKinds.getOrDefault("stock look-ups", 0));
            line(report, "limit with the calibrated per-request time (%.0f ms avg instead of %d ms): %.1f s, wall/that = %.2f",
                    effective, latency, fullRequests.size() * effective / concurrency / 1000, wallMs / (fullRequests.size() * effective / concurrency));
            List<Instant> stockTimes = fullRequests.stream().filter(r -> r.path().endsWith("/V1/inventory/source-items"))
                    .map(LoggedRequest::at).toList();
            if (stockTimes.size() > 1) {
                line(report, "stock look-ups answered every %.0f ms on average (first..last / count-1; %d ms / %d = %.0f ms when the store is kept busy)",
                        Duration.between(stockTimes.get(0), stockTimes.get(stockTimes.size() - 1)).toMillis() / (double) (stockTimes.size() - 1),
                        2 * latency, concurrency, 2.0 * latency / concurrency);
            }
            // ---- second idle poll: the window was read once, now page 1 alone must tell that nothing changed ----
            int beforeSecond = store.requests().size();
            long secondDeadline = System.currentTimeMillis() + Durations.parse("bench.idleAfter", idleAfter).toMillis() + 60_000;
            while (store.requests().size() == beforeSecond && System.currentTimeMillis() < secondDeadline && connector.isAlive()) {
                Thread.sleep(50);
            }
            Thread.sleep(quietMs);
            List<LoggedRequest> afterAll = store.requests().all();
            List<LoggedRequest> second = afterAll.subList(Math.min(beforeSecond, afterAll.size()), afterAll.size());
            line(report, "second idle poll (its window already read once): **%d request(s)** for 1 timestamped stream (target 1): %s",
                    second.size(), kinds(second));
            List<String> problems = new ArrayList<>();
            for (String l : connector.lines()) {
                if (l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("OutOfMemoryError")) {
                    problems.add(l);
                }
            }
            line(report, "connector WARN/ERROR lines: %d%s", problems.size(),
                    problems.isEmpty() ? "" : "\n    " + String.join("\n    ", problems.subList(0, Math.min(10, problems.size()))));
            line(report, "connector alive at the end: %s; records in topic %d (expected %d)", connector.isAlive(), records, products);
            if (!connector.isAlive() || records < products) {
                exit = 1;
            }
            line(report, "logs: target/bench/%s.log, target/bench/%s-gc.log", name, name);
        } catch (Throwable e) {
            line(report, "BENCHMARK FAILED: %s", e);
            e.printStackTrace();
            exit = 2;
        } finally {
            store.close();
        }
        System.out.println();
        System.out.println(report);
        Path out = Path.of("target/bench", name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("[bench] report written to " + out + "; exit code " + exit);
        System.out.flush();
        stopBroker();
        // The broker is stopped: halt, so that no shutdown hook can change the exit code (the test kit's broker,
        // stopped from a shutdown hook, sometimes ended the JVM with status 1 after a successful run).
        Runtime.getRuntime().halt(exit);
    }

    /**
     * Stops the broker TestKafka started (it only offers a shutdown hook; a TestKafka.close() would make this
     * reflection unnecessary). Deletes its data directories.
     */
    private static void stopBroker() {
        try {
            Field f = TestKafka.class.getDeclaredField("cluster");
            f.setAccessible(true);
            Object cluster = f.get(null);
            if (cluster instanceof AutoCloseable c) {
                c.close();
                f.set(null, null);
            }
        } catch (Throwable e) {
            System.out.println("[bench] stopping the broker: " + e);
        }
    }

    private static String heap(BenchConnector.HeapPeak h) {
        return h.collections() == 0 ? "no GC in this phase"
                : String.format(Locale.ROOT, "%.0f / %.0f / %.0f (%d GCs)", h.usedBeforeGcMiB(), h.liveAfterGcMiB(), h.committedMiB(), h.collections());
    }

    private static Map<String, Integer> kinds(List<LoggedRequest> requests) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (LoggedRequest r : requests) {
            String p = r.path();
            String kind = p.endsWith("/V1/products") ? "product pages"
                    : p.endsWith("/V1/inventory/source-items") ? "stock look-ups"
                    : p.endsWith("/V1/products/attributes") || p.endsWith("/V1/categories") ? "metadata" : "other";
            kinds.merge(kind, 1, Integer::sum);
        }
        return kinds;
    }

    private static String await(BenchConnector connector, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String l = connector.find(pattern);
            if (l != null) {
                return l;
            }
            if (!connector.isAlive()) {
                throw new IllegalStateException("the connector exited before logging the full sync; see target/bench/*.log");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no full sync within " + timeout);
    }

    private static double timeMs(Runnable r, int times) {
        long t = System.nanoTime();
        for (int i = 0; i < times; i++) {
            r.run();
        }
        return (System.nanoTime() - t) / 1e6 / times;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process from /proc/PID/stat, in ms. */
    private static long connectorCpuMillis(long pid, long ticksPerSecond) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long recordCount(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Counting must never create the topic: the connector creates it (compacted).
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
