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
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;
import org.magentokafka.component.Durations;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxStore;

/**
 * Scenario {@code full-sync}: the products stream with enrichment syncs the whole catalog, then polls twice
 * with nothing changed. Prints for both: products/s, requests (total, per kind), wall time, the latency limit
 * (requests x latency / concurrency) and wall/limit, requests per page, heap and RSS peaks, CPU.
 */
final class FullSyncRun {

    private static final Pattern SYNCED = Pattern.compile(
            "magento:products synced (\\d+) items in (\\d+) pages from \\S+(?:, (\\d+) deleted)? in (\\d+) ms");
    private static final List<String> OTHER_STREAMS = List.of("categories", "cms-pages", "source-items", "product-attributes");
    private static final long CPU_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** The request kinds of the report, in this order; the storefront ones only with bench.storefront=full. */
    private static final List<String> KINDS = List.of("product pages", "stock look-ups", "salable quantities", "children",
            "render-info", "metadata", "other");
    private static final Set<String> STOREFRONT_KINDS = Set.of("salable quantities", "children", "render-info");

    private final BenchRig rig;
    private final BenchReport report;
    private final int products;
    private final long latency;
    private final int concurrency;
    private final int pageSize;
    private final String paging;
    private final String idleAfter;
    private final Set<String> streams;

    FullSyncRun(BenchRig rig, BenchReport report) {
        BenchOptions o = rig.options();
        this.rig = rig;
        this.report = report;
        this.products = o.products();
        this.latency = o.latencyMillis();
        // This scenario's settings are fixed unless given, so its figures stay comparable with every earlier run.
        this.concurrency = o.concurrency() == null ? 8 : o.concurrency();
        this.pageSize = o.pageSize() == null ? 100 : o.pageSize();
        this.paging = o.paging() == null ? "page-number" : o.paging();
        this.idleAfter = o.pollInterval() == null ? "10s" : o.pollInterval();
        this.streams = Set.of((o.streams() == null ? "none" : o.streams()).split(","));
    }

    String name() {
        BenchOptions o = rig.options();
        return String.format(Locale.ROOT, "bench-%dp-%dms-c%d-ps%d-x%s-%s%s%s", products, latency, concurrency, pageSize, o.xmx(),
                paging, o.offsetCostMicros() > 0 ? "-offset" + o.offsetCostMicros() + "us" : "", o.storefront() ? "-storefront" : "");
    }

    /** Runs the scenario; returns 0 when the connector survived and the topic holds one record per product. */
    int run() throws Exception {
        SandboxStore store = rig.store;
        BenchOptions o = rig.options();
        String name = name();
        report.line("## full sync (%s)", name);
        report.line("settings: products=%d latency=%d ms concurrency=%d pageSize=%d connector -Xmx%s pollInterval=%s streams=%s"
                    + " paging=%s simulator deep-OFFSET cost=%d us/row storefront=%s (%d products with the children)",
                products, latency, concurrency, pageSize, o.xmx(), idleAfter, streams, paging, o.offsetCostMicros(),
                o.storefront() ? "full" : "off", store.catalog().productCount());

        // Calibration: what one request really costs the simulator here (latency + its own work), one at a time.
        BenchStoreClient client = new BenchStoreClient(store);
        int lastPage = Math.max(1, (products + pageSize - 1) / pageSize);
        String sample = client.productPage(lastPage / 2 + 1, pageSize);
        client.stockFor(sample);
        double pageMs = timeMs(() -> client.productPage(lastPage / 2 + 1, pageSize), 3);
        double stockMs = timeMs(() -> client.stockFor(sample), 3);
        report.line("simulator calibration (sequential, latency included): product page %.0f ms, stock look-up %.0f ms"
                    + " (configured latency %d ms; the excess is the simulator's own CPU work on this machine)", pageMs, stockMs, latency);
        store.requests().clear();
        if (o.calibrateOnly()) {
            return 0;
        }

        String topic = "bench.products." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>();
        env.put("MAGENTO_BASE_URL", store.baseUrl());
        env.put("MAGENTO_AUTH_ACCESS_TOKEN", store.options().accessToken());
        env.put("MAGENTO_STORE_CODES", o.firstStoreView());
        env.put("MAGENTO_PAGE_SIZE", String.valueOf(pageSize));
        env.put("MAGENTO_MAX_CONCURRENCY", String.valueOf(concurrency));
        env.put("MAGENTO_PAGING", paging);
        env.put("MAGENTO_POLL_INTERVAL", idleAfter);
        env.put("MAGENTO_STREAMS_PRODUCTS_TOPIC", topic);
        env.put("KAFKA_BOOTSTRAP_SERVERS", rig.bootstrap);
        for (String s : OTHER_STREAMS) {
            env.put("MAGENTO_STREAMS_" + s.toUpperCase(Locale.ROOT).replace('-', '_') + "_ENABLED",
                    String.valueOf(streams.contains(s) || streams.contains("all")));
        }

        int exit = 0;
        try (BenchConnector connector = BenchConnector.start(name, o.xmx(), env, o.echo())) {
            Instant started = Instant.now();
            long benchCpu0 = processCpuNanos();
            // ---- full sync ----
            long estimateMs = (long) ((o.storefront() ? 5.0 : 2.0) * store.catalog().productCount() / pageSize * Math.max(latency, 1) * 4) + 180_000;
            String synced = connector.await(SYNCED, Duration.ofMillis(estimateMs), "the full sync");
            List<LoggedRequest> fullRequests = store.requests().all();
            long fullRss = connector.rssPeakKiB();
            BenchConnector.HeapPeak fullHeap = connector.heapPeak(0);
            int gcMark = connector.gcMark();
            long connectorCpuFull = connectorCpuMillis(connector.pid());
            long benchCpuFull = (processCpuNanos() - benchCpu0) / 1_000_000;
            Matcher m = SYNCED.matcher(synced);
            m.find();
            long items = Long.parseLong(m.group(1));
            int pages = Integer.parseInt(m.group(2));
            long wallMs = Long.parseLong(m.group(4));
            Instant firstRequest = fullRequests.isEmpty() ? Instant.now() : fullRequests.get(0).at();
            long recordsAfterFull = rig.recordCount(topic);
            System.out.println("[bench] full sync done: " + synced);

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
            String idleSynced = null;
            for (String l : connector.lines()) {
                if (SYNCED.matcher(l).find() && !l.equals(synced)) {
                    idleSynced = l;
                }
            }
            long records = rig.recordCount(topic);

            // ---- report ----
            Map<String, Integer> fullKinds = kinds(fullRequests);
            Map<String, Integer> idleKinds = kinds(idleRequests);
            long idleWall = idleRequests.isEmpty() ? 0
                    : Duration.between(idleRequests.get(0).at(), idleRequests.get(idleRequests.size() - 1).at()).toMillis() + latency;
            report.line("");
            report.line("connector start to first request: %.1f s; full sync logged: `%s`",
                    Duration.between(started, firstRequest).toMillis() / 1000.0,
                    synced.replaceAll("^.*(magento:products)", "$1"));
            report.line("");
            report.line("| | full sync | first idle poll |");
            report.line("|---|---|---|");
            report.line("| items read (connector log) | %d | %s |", items,
                    idleSynced == null ? "0 (nothing logged)" : idleSynced.replaceAll("^.*synced (\\d+) items in (\\d+) pages.* in (\\d+) ms", "$1 in $2 pages ($3 ms), re-read"));
            report.line("| records in the topic after the phase | %d | %d (unchanged items publish nothing) |", recordsAfterFull, records);
            report.line("| wall time | %.1f s (connector's own figure) | %.1f s (first..last idle request + latency) |",
                    wallMs / 1000.0, idleWall / 1000.0);
            report.line("| products/s | %.0f | n/a (nothing changed) |", items * 1000.0 / wallMs);
            report.line("| requests, total | %d | %d |", fullRequests.size(), idleRequests.size());
            for (String kind : KINDS) {
                // The storefront look-ups are asked on any catalog (they say "not salable" or "no price" too): listed
                // whenever there were some, so the rows add up to the total.
                if (!o.storefront() && STOREFRONT_KINDS.contains(kind) && fullKinds.getOrDefault(kind, 0) == 0
                    && idleKinds.getOrDefault(kind, 0) == 0) {
                    continue;
                }
                report.line("| - %s | %d (%.2f per page) | %d |", kind, fullKinds.getOrDefault(kind, 0),
                        fullKinds.getOrDefault(kind, 0) / (double) Math.max(1, pages), idleKinds.getOrDefault(kind, 0));
            }
            int non200 = (int) all.stream().filter(r -> r.status() != 200).count();
            report.line("| requests not answered 200 | %d | |", non200);
            double fullLimit = fullRequests.size() * (double) latency / concurrency;
            // A poll of fewer requests than the concurrency still takes one round trip: that is its floor.
            double idleLimit = idleRequests.isEmpty() ? 0
                    : Math.max(1, Math.ceil(idleRequests.size() / (double) concurrency)) * latency;
            report.line("| latency limit = requests x %d ms / %d (at least one round trip) | %.1f s | %.1f s |", latency,
                    concurrency, fullLimit / 1000, idleLimit / 1000);
            report.line("| **wall / limit** (target <= 1.15) | **%.2f** | %.2f |", wallMs / fullLimit,
                    idleLimit == 0 ? 0 : idleWall / idleLimit);
            int productPages = fullKinds.getOrDefault("product pages", 0);
            report.line("| **requests per page** (target <= %s) | **%.2f** (%d requests / %d pages) | %s |",
                    o.storefront() ? "5, storefront on" : "2", fullRequests.size() / (double) Math.max(1, pages), fullRequests.size(), pages,
                    idleRequests.size() + " requests for 1 timestamped stream (target 1)");
            report.line("| heap peak: used before GC / live after GC / committed (MiB) | %s | %s |", heap(fullHeap), heap(idleHeap));
            report.line("| RSS peak (VmHWM, cumulative) | %.0f MiB | %.0f MiB |", fullRss / 1024.0, idleRss / 1024.0);
            report.line("| connector CPU (user+sys) | %.1f s | |", connectorCpuFull / 1000.0);
            report.line("| bench JVM CPU (simulator + broker) | %.1f s | |", benchCpuFull / 1000.0);
            report.line("");
            if (productPages != pages) {
                report.line("note: %d product-page requests for %d pages delivered", productPages, pages);
            }
            double effective = (fullKinds.getOrDefault("product pages", 0) * pageMs + fullKinds.getOrDefault("stock look-ups", 0) * stockMs)
                               / Math.max(1, productPages + fullKinds.getOrDefault("stock look-ups", 0));
            report.line("limit with the calibrated per-request time (%.0f ms avg instead of %d ms): %.1f s, wall/that = %.2f",
                    effective, latency, fullRequests.size() * effective / concurrency / 1000, wallMs / (fullRequests.size() * effective / concurrency));
            List<Instant> stockTimes = fullRequests.stream().filter(r -> r.path().endsWith("/V1/inventory/source-items"))
                    .map(LoggedRequest::at).toList();
            if (stockTimes.size() > 1) {
                report.line("stock look-ups answered every %.0f ms on average (first..last / count-1; %d ms / %d = %.0f ms when the store is kept busy)",
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
            report.line("second idle poll (its window already read once): **%d request(s)** for 1 timestamped stream (target 1): %s",
                    second.size(), kinds(second));
            long wire = fullRequests.stream().mapToLong(LoggedRequest::responseBytes).sum();
            report.line("bytes received per product: %d (gzip %s; %d bytes in %d responses)",
                    wire / Math.max(1, items), o.gzip() ? "on" : "off", wire, fullRequests.size());
            connector.reportProblems(report);
            long expected = expectedRecords();
            report.line("connector alive at the end: %s; records in topic %d (expected %d)", connector.isAlive(), records, expected);
            if (!connector.isAlive() || records < expected) {
                exit = 1;
            }
            report.line("logs: target/bench/%s.log, target/bench/%s-gc.log", name, name);
        }
        return exit;
    }

    /**
     * The products the first store view's topic ends with: all of them, or with the storefront catalog those of
     * its website (store view eu: website 2, europe; the others: website 1, base).
     */
    private long expectedRecords() {
        SandboxStore store = rig.store;
        if (!rig.options().storefront()) {
            return products;
        }
        int website = "eu".equals(rig.options().firstStoreView()) ? 2 : 1;
        return store.catalog().products().stream().filter(p -> {
            for (var id : p.path("extension_attributes").path("website_ids")) {
                if (id.asInt() == website) {
                    return true;
                }
            }
            return false;
        }).count();
    }

    private static String heap(BenchConnector.HeapPeak h) {
        return h.collections() == 0 ? "no GC in this phase"
                : String.format(Locale.ROOT, "%.0f / %.0f / %.0f (%d GCs)", h.usedBeforeGcMiB(), h.liveAfterGcMiB(), h.committedMiB(), h.collections());
    }

    static Map<String, Integer> kinds(List<LoggedRequest> requests) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (LoggedRequest r : requests) {
            kinds.merge(kindOf(r), 1, Integer::sum);
        }
        return kinds;
    }

    /** A request's endpoint, as the report counts them (the storefront's five per page, then metadata). */
    static String kindOf(LoggedRequest r) {
        String p = r.path();
        if (p.endsWith("/V1/products")) {
            return r.filters("entity_id", "in") ? "children" : "product pages";
        }
        return p.endsWith("/V1/inventory/source-items") ? "stock look-ups"
                : p.contains("/V1/inventory/export-stock-salable-qty/") ? "salable quantities"
                : p.endsWith("/V1/products-render-info") ? "render-info"
                : p.endsWith("/V1/products/attributes") || p.endsWith("/V1/categories") || p.endsWith("/V1/store/storeConfigs")
                  || p.endsWith("/V1/store/websites") || p.contains("/V1/inventory/stock-resolver/") ? "metadata" : "other";
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
    private static long connectorCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CPU_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
