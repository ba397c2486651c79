package org.magentokafka.consumer;

import java.time.Duration;

import org.magentokafka.consumer.paging.StoreSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A long sync says how far it got, once in a while, on one line, with its rate and an estimate of the rest. */
public final class SyncProgress {

    private static final Logger LOG = LoggerFactory.getLogger(SyncProgress.class);
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final String streamName;
    private volatile long lastLog;

    public SyncProgress(String streamName) {
        this.streamName = streamName;
    }

    /** A poll starts: its first progress line comes {@link #EVERY} from now. */
    public void restart() {
        lastLog = System.nanoTime();
    }

    public void pageDone(StoreSync sync, int page, int pageCount) {
        long now = System.nanoTime();
        if (now - lastLog < EVERY.toNanos() || page == pageCount) {
            return;
        }
        lastLog = now;
        double seconds = Math.max(0.001, (now - sync.startedNanos()) / 1e9);
        double rate = sync.items() / seconds;
        long etaSeconds = (long) ((pageCount - page) * (seconds / page));
        LOG.info("magento:{} store view {}: page {}/{} ({} items, {} items/s, ETA {}m{}s)", streamName, sync.store(),
                page, pageCount, sync.items(), Math.round(rate), etaSeconds / 60, etaSeconds % 60);
    }
}
