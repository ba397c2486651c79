package org.magentokafka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.magentokafka.scan.ScanCycleEstimate;
import org.magentokafka.stream.MagentoStream;

/** What the connection check says about a scan stream: its expected cycle at the configured budget. */
class ScanCycleLineTest {

    @Test
    void aScanStreamsLineStatesItsCycleAtTheBudgetAndWhatSharesIt() {
        ConnectorSettings settings = settings(Map.of("magento.store-codes", "default"));
        String line = ScanCycleLine.of(MagentoStream.SOURCE_ITEMS, 25_600, settings.scanBudget(), ScanCycleLine.scans(settings));
        assertEquals("one scan cycle ~36 min at magento.scan-budget=0.2 req/s (86 pages of 300, shared by 5 scans:"
                     + " 2 of scan streams, 3 reconcile sweeps)", line);
    }

    @Test
    void storeViewsAndDisabledStreamsChangeHowManyScansShareTheBudget() {
        ConnectorSettings two = settings(Map.of("magento.store-codes", "default,fr"));
        assertEquals(new ScanCycleLine.Scans(3, 5), ScanCycleLine.scans(two),
                "attributes and products, categories are read per store view; source items and CMS pages once");
        ConnectorSettings fewer = settings(Map.of("magento.store-codes", "default,fr", "magento.streams.categories.enabled", "false",
                "magento.streams.product-attributes.enabled", "false"));
        assertEquals(new ScanCycleLine.Scans(1, 3), ScanCycleLine.scans(fewer));
    }

    @Test
    void theBudgetAndPageSizeAreTheConfiguredOnes() {
        ConnectorSettings settings = settings(Map.of("magento.store-codes", "default", "magento.scan-budget", "1",
                "magento.scan-page-size", "100", "magento.streams.products.enabled", "false",
                "magento.streams.categories.enabled", "false", "magento.streams.cms-pages.enabled", "false",
                "magento.streams.product-attributes.enabled", "false"));
        assertEquals("one scan cycle ~4.3 h at magento.scan-budget=1 req/s (15360 pages of 100, shared by 1 scan:"
                     + " 1 of scan streams, 0 reconcile sweeps)",
                ScanCycleLine.of(MagentoStream.SOURCE_ITEMS, 1_536_000, settings.scanBudget(), ScanCycleLine.scans(settings)));
    }

    @Test
    void unpacedScansSaySo() {
        ConnectorSettings settings = settings(Map.of("magento.store-codes", "default", "magento.scan-budget", "0"));
        assertEquals("scans not paced (magento.scan-budget=0): one scan cycle reads 1 page of 300 at the store's pace",
                ScanCycleLine.of(MagentoStream.PRODUCT_ATTRIBUTES, 120, settings.scanBudget(), ScanCycleLine.scans(settings)));
    }

    @Test
    void timestampedStreamsAndUnknownSizesGetNoCycle() {
        ConnectorSettings settings = settings(Map.of("magento.store-codes", "default"));
        assertNull(ScanCycleLine.of(MagentoStream.PRODUCTS, 1000, settings.scanBudget(), ScanCycleLine.scans(settings)));
        assertNull(ScanCycleLine.of(MagentoStream.SOURCE_ITEMS, -1, settings.scanBudget(), ScanCycleLine.scans(settings)));
    }

    @Test
    void durationsReadAsAnOperatorReadsThem() {
        assertEquals("45 s", ScanCycleEstimate.readable(Duration.ofMillis(44_200)));
        assertEquals("29 min", ScanCycleEstimate.readable(Duration.ofSeconds(1720)));
        assertEquals("3.1 h", ScanCycleEstimate.readable(Duration.ofMinutes(186)));
        assertEquals("2.5 d", ScanCycleEstimate.readable(Duration.ofHours(60)));
    }

    private static ConnectorSettings settings(Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(overrides);
        for (String stream : List.of("products", "categories", "cms-pages", "source-items", "product-attributes")) {
            raw.putIfAbsent("magento.streams." + stream + ".enabled", "true");
        }
        return ConnectorSettings.read(new SettingsReader(name -> ConfigValue.builder().withName(name).withValue(raw.get(name))
                .withRawValue(raw.get(name)).build()));
    }
}
