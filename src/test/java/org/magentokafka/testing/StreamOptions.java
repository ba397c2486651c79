package org.magentokafka.testing;

import java.time.Duration;

import org.magentokafka.consumer.StreamSettings;
import org.magentokafka.paging.Paging;

/**
 * The options a stream's consumer parts and scans read, with the component's defaults, set field by field in a
 * test ({@link SandboxStreamContext#settings()}).
 */
public final class StreamOptions implements StreamSettings {

    public int pageSize = 100;
    public int maxConcurrency = 4;
    public int scanPageSize = 300;
    public Paging paging = Paging.PAGE_NUMBER;
    public Duration pollInterval = Duration.ofSeconds(6);
    public Duration watermarkOverlap = Duration.ofSeconds(60);
    public Duration watermarkSlack = Duration.ofSeconds(2);
    public Duration reconcileInterval = Duration.ofHours(1);
    public Duration pricePassCheckInterval = Duration.ofMinutes(1);
    public Duration metadataRefresh = Duration.ofMinutes(15);
    public boolean salableScan = true;
    public boolean stockIndex = true;
    public Duration stockIndexInterval = Duration.ofMinutes(1);
    public boolean orderSignals;
    public Duration sourceItemsPause = Duration.ofHours(1);
    public Duration creditMemoInterval = Duration.ofMinutes(5);
    public boolean prefetchInventory;
    public boolean prefetchStorefront;

    @Override
    public int getPageSize() {
        return pageSize;
    }

    @Override
    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    @Override
    public int getScanPageSize() {
        return scanPageSize;
    }

    @Override
    public Paging getPaging() {
        return paging;
    }

    @Override
    public Duration getPollInterval() {
        return pollInterval;
    }

    @Override
    public Duration getWatermarkOverlap() {
        return watermarkOverlap;
    }

    @Override
    public Duration getWatermarkSlack() {
        return watermarkSlack;
    }

    @Override
    public boolean isSalableScan() {
        return salableScan;
    }

    @Override
    public boolean isStockIndex() {
        return stockIndex;
    }

    @Override
    public Duration getStockIndexInterval() {
        return stockIndexInterval;
    }

    @Override
    public Duration getSourceItemsPause() {
        return sourceItemsPause;
    }

    @Override
    public boolean isOrderSignals() {
        return orderSignals;
    }

    @Override
    public Duration getCreditMemoInterval() {
        return creditMemoInterval;
    }

    @Override
    public Duration getReconcileInterval() {
        return reconcileInterval;
    }

    @Override
    public Duration getPricePassCheckInterval() {
        return pricePassCheckInterval;
    }

    @Override
    public Duration getMetadataRefresh() {
        return metadataRefresh;
    }

    @Override
    public boolean isPrefetchInventory() {
        return prefetchInventory;
    }

    @Override
    public boolean isPrefetchStorefront() {
        return prefetchStorefront;
    }
}
