package org.magentokafka.consumer;

import java.time.Duration;

import org.magentokafka.consumer.paging.PagingSettings;
import org.magentokafka.paging.Paging;

/** The endpoint options a stream's consumer and its background scans read (implemented by its configuration). */
public interface StreamSettings extends PagingSettings {

    /** How full passes walk a collection: by page number or keyset. */
    Paging getPaging();

    /** The least pause between two polls (for a scan, two cycles; for the salable-quantity scan, two of its cycles). */
    Duration getPollInterval();

    /** How far back each incremental window reaches again, for saves committed after their timestamp. */
    Duration getWatermarkOverlap();

    /** How far before the watermark a steady window starts: rows of a second still being written. */
    Duration getWatermarkSlack();

    /** Products: whether the websites' salable quantities are scanned. */
    boolean isSalableScan();

    /** Products: whether each website's stock index is read whole every {@link #getStockIndexInterval()}. */
    boolean isStockIndex();

    Duration getStockIndexInterval();

    /** Source items: the pause between two full cycles while the products' stock index serves the store. */
    Duration getSourceItemsPause();

    /** Products: whether changed orders (and credit memos) ask for their products again at each poll. */
    boolean isOrderSignals();

    Duration getCreditMemoInterval();

    /** The pause between two keys-only reconcile sweeps of a timestamped stream. */
    Duration getReconcileInterval();

    /** How often the price pass looks at each store view's clock. */
    Duration getPricePassCheckInterval();
}
