package org.magentokafka.consumer;

import org.magentokafka.change.KeyFingerprints;

/**
 * A stream's background scans as its polls see them (the {@code scan} package's BackgroundScans): told which store
 * views synced, and asked for the keys-only listings the reconcile sweep completed, which a poll confirms.
 */
public interface StreamScans {

    /** Whether a completed listing of this store view waits to be confirmed. */
    boolean listingWaiting(String store);

    /** The keys a completed listing of this store view showed, once (null: none waiting). */
    KeyFingerprints takeListing(String store);

    /**
     * The poll committed a watermark of this store view: its scans may run there from now on.
     *
     * @param initial the sync was the store view's first (it read everything as it is now)
     */
    void synced(String store, boolean initial);
}
