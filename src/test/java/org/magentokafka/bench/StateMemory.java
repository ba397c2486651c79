package org.magentokafka.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.magentokafka.change.FileStateStore;
import org.magentokafka.change.KeyVersion;
import org.magentokafka.change.KeyFingerprints;
import org.magentokafka.storefront.ParentIndex;

/**
 * Heap taken by the change-detection state ({@link FileStateStore}: content hash and event sequence per key) for N
 * SKU-like keys (default 1,000,000),
 * measured as heap used after full GCs, before and after; target: at most 64 MiB for 1,000,000 keys. Also the
 * state re-opened from its file, and the transient set of keys a full pass has seen ({@link KeyFingerprints}). Run with {@code ./mvnw -Pbench-jmh process-test-classes} (BENCHMARKS.md).
 */
public final class StateMemory {

    private static final String[] PREFIXES = {"MH", "MJ", "MS", "MP", "WH", "WJ", "WS", "WB", "WP", "24-MB", "24-UG", "24-WG"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};
    private static final String[] COLORS = {"Black", "Blue", "Gray", "Green", "Orange", "Purple", "Red", "White", "Yellow"};

    private StateMemory() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.stateKeys", 1_000_000);
        Path dir = Files.createTempDirectory("bench-state");
        Path file = dir.resolve("products-default.state");
        Random random = new Random(42);

        long base = usedAfterGc();
        FileStateStore store = new FileStateStore(file);
        long totalKeyChars = 0;
        Map<String, KeyVersion> batch = new HashMap<>();
        long t = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            String sku = sku(i, random);
            totalKeyChars += sku.length();
            batch.put(sku, new KeyVersion(random.nextLong(), 1));
            if (batch.size() == 10_000 || i == n) {
                store.commit(batch);
                batch = new HashMap<>();
            }
        }
        batch = null;
        double commitSeconds = (System.nanoTime() - t) / 1e9;
        long afterCommit = usedAfterGc();
        report("state after committing", n, afterCommit - base, store.size());

        // The child -> parents index of the storefront, kept beside the state: 20 % of the keys
        // configurables with 4 children each (the other 80 %), ids as Magento's wizard gives them.
        ParentIndex parents = parentIndex(n);
        long withParents = usedAfterGc();
        long parentBytes = withParents - afterCommit;
        report("  + child -> parents index (20 % configurables x 4 children)", n, parentBytes, parents.parentCount());
        report("state and index together", n, withParents - base, store.size());

        // What a full pass holds besides the state: the fingerprints of the keys it saw (to find deleted ones).
        KeyFingerprints seen = new KeyFingerprints();
        Random again = new Random(42);
        for (int i = 1; i <= n; i++) {
            seen.add(sku(i, again));
            again.nextLong();
        }
        long withSeen = usedAfterGc();
        report("  + keys seen by a full pass (transient, fingerprints)", n, withSeen - withParents, seen.size());
        seen = null;
        store.close();
        store = null;
        long released = usedAfterGc();

        t = System.nanoTime();
        FileStateStore reopened = new FileStateStore(file);
        double openSeconds = (System.nanoTime() - t) / 1e9;
        long afterOpen = usedAfterGc();
        report("state re-opened from its file (restart)", n, afterOpen - released, reopened.size());
        System.out.printf(Locale.ROOT, "keys: %d SKU-like, avg %.1f chars (e.g. %s); state file %.1f MiB; commit %.1f s (batches of 10,000), open+compact %.1f s%n",
                n, totalKeyChars / (double) n, sku(123_456, new Random(1)), Files.size(file) / 1048576.0, commitSeconds, openSeconds);
        report("state re-opened and index together", n, afterOpen - released + parentBytes, reopened.size());
        System.out.printf(Locale.ROOT, "target: state and index <= 64 MiB for 1,000,000 keys -> %s%n",
                Math.max(afterOpen - released, afterCommit - base) + parentBytes <= 64L * 1024 * 1024 * (n / 1_000_000.0)
                        ? "MET" : "MISSED");
        if (parents.parentsOf(2).isEmpty()) {
            throw new IllegalStateException("the index lost a link"); // also keeps it reachable until here
        }
        reopened.close();
        System.out.println("(heap used after System.gc(), JVM " + System.getProperty("java.version") + ", "
                           + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName() + ", compressed oops)");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** n / 5 configurables, each followed by its 4 children (consecutive entity ids, as the configurable wizard creates them). */
    private static ParentIndex parentIndex(int n) {
        // Built aside and swapped in, as the products stream's rebuild at start does (which trims the arrays).
        ParentIndex built = new ParentIndex();
        Random random = new Random(7);
        for (long parent = 1; parent + 4 <= n; parent += 5) {
            String sku = String.format(Locale.ROOT, "%s%02d%06d", PREFIXES[random.nextInt(PREFIXES.length)], random.nextInt(20), parent);
            built.setLinks(parent, sku, List.of(parent + 1, parent + 2, parent + 3, parent + 4));
        }
        ParentIndex index = new ParentIndex();
        index.replaceWith(built);
        return index;
    }

    /** Like the simulator's SKUs: prefix + number + size + colour, e.g. "WS08123456-M-Orange". */
    private static String sku(int i, Random random) {
        return String.format(Locale.ROOT, "%s%02d%06d-%s-%s", PREFIXES[random.nextInt(PREFIXES.length)], random.nextInt(20), i,
                SIZES[random.nextInt(SIZES.length)], COLORS[random.nextInt(COLORS.length)]);
    }

    private static void report(String what, int n, long bytes, int size) {
        System.out.printf(Locale.ROOT, "%-55s %,d keys: %7.1f MiB (%.0f bytes/key)%n", what, size, bytes / 1048576.0, bytes / (double) n);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
