package org.magentokafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark reads the scan cycle the connector announces, whatever words it uses for the duration. */
class ScanCycleLineTest {

    @Test
    void theAnnouncedCycleIsRecomputedFromTheLinesFigures() {
        List<String> log = List.of("10:00:00.000 INFO  [o.m.c.MagentoConsumer] magento:products synced 20000 items",
                "10:00:05.000 INFO  [o.m.c.Scans] magento:source-items scan of store view default: 25600 rows, 86 pages of 300;"
                + " at magento.scan-budget=0.2 req/s shared by 2 scans one cycle takes about 14m20s");
        ScanCycleLine line = ScanCycleLine.last(log, "source-items");
        assertEquals("default", line.storeView());
        assertEquals(Duration.ofSeconds(860), line.expectedCycle(), "86 pages x 2 scans / 0.2 req/s");
        assertNull(ScanCycleLine.last(log, "product-attributes"));
        ScanCycleLine withSeparators = ScanCycleLine.last(List.of("magento:source-items scan of store view fr: 128,000 rows,"
                + " 427 pages of 300; at magento.scan-budget=0.2 req/s shared by 3 scans, one cycle takes about PT1H46M45S"), "source-items");
        assertEquals(Duration.ofSeconds(427 * 3 * 5), withSeparators.expectedCycle());
    }
}
