package org.magentokafka.enrich;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.magentokafka.client.MagentoClient;

/**
 * Attribute metadata and category trees per store view, fetched once and reused for every page: a full sync then
 * costs one extra request per page (inventory), not per product. Refreshed after {@code metadataRefresh}, and at
 * once when the attribute or category stream saw a change.
 */
public final class MetadataCache {

    private record Entry(Object value, long loadedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The key of the store view a client reads (store URL and store code), for {@link #get}. */
    public static String storeKey(MagentoClient client) {
        return client.address().baseUrl() + "|" + client.address().storeCode();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String kind, String storeKey, Duration maxAge, Supplier<T> loader) {
        String key = kind + "|" + storeKey;
        Entry e = entries.get(key);
        if (e == null || System.nanoTime() - e.loadedAt > maxAge.toNanos()) {
            synchronized (this) {
                e = entries.get(key);
                if (e == null || System.nanoTime() - e.loadedAt > maxAge.toNanos()) {
                    e = new Entry(loader.get(), System.nanoTime());
                    entries.put(key, e);
                }
            }
        }
        return (T) e.value;
    }

    public void invalidate(String kind) {
        entries.keySet().removeIf(k -> k.startsWith(kind + "|"));
    }
}
