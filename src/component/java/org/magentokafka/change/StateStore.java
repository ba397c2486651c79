package org.magentokafka.change;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What was last published per key of one stream and store view (a content hash and the key's event sequence, see
 * {@link KeyVersion}), and how far incremental polling got (the watermark). Written only after Kafka acknowledged
 * the events it records.
 */
public interface StateStore extends AutoCloseable {

    /** The hash last published for the key, or null when the key was never published or was deleted. */
    Long hash(String key);

    /** The key's hash and sequence: a deleted key has no hash but keeps its sequence; a key never seen is NONE. */
    KeyVersion version(String key);

    /** Records the keys' new versions (a null hash: the key was deleted); durable when this returns. */
    void commit(Map<String, KeyVersion> changes);

    /** The last committed watermark (Magento's timestamp format), or null before the first complete sync. */
    String watermark();

    void commitWatermark(String watermark);

    /**
     * Whether another stream asked for a full pass of this state's items (a category, attribute or scope change
     * re-enriches every product) and no pass has served it yet: recorded durably, so a crash between that stream's
     * commit and the pass replays the request.
     */
    boolean fullPassRequested();

    /** Records (true) or clears (false) the request for a full pass; durable when this returns. */
    void requestFullPass(boolean requested);

    /**
     * Keys another stream asked to publish again and not yet published (a stock change re-enriches its products, a
     * child's change its parents): recorded durably, so a crash between that stream's commit and the re-publish
     * replays them.
     */
    Set<String> republishRequested();

    /** Records keys to publish again; durable when this returns. */
    void requestRepublish(Collection<String> keys);

    /** The keys were published again (Kafka acknowledged them): their requests are cleared, durably. */
    void republishServed(Collection<String> keys);

    /** A copy of the keys currently known to be published. */
    Set<String> keys();

    /** Visits every key without copying them all (a full pass over a large catalog looks for deleted keys). */
    void forEachKey(Consumer<String> action);

    int size();

    @Override
    void close();
}
