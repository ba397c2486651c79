package org.magentokafka.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.testing.LogLines;
import org.magentokafka.testing.SandboxStreamContext;

/**
 * What a paced scan says about its length once its first page gave a store view's size: the expected cycle at the
 * store's budget goes to the stream's status (summed over the store views one cycle reads) and to the log, once per
 * store view and again only when the estimate moved by more than a fifth.
 */
class ScanCyclesTest {

    private static final Pattern SAID = Pattern.compile("INFO .*magento:source-items scan of store view default: .* one cycle takes about");

    private final LogLines log = LogLines.attach();
    private final SandboxStreamContext endpoint = SandboxStreamContext.withoutStore(MagentoStream.SOURCE_ITEMS, "default", "fr");
    private final PollStatus status = new PollStatus(true);
    private final ScanCycles cycles = new ScanCycles(endpoint, "scan", "cycle", status);

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void theExpectedCycleIsTheSumOverTheStoreViewsAtTheBudget() {
        endpoint.scanBudget(2);

        cycles.sized("default", 1000, 100);
        assertEquals(Duration.ofSeconds(5), status.expectedCycle(), "10 pages at 2 requests/s");
        cycles.sized("fr", 400, 100);
        assertEquals(Duration.ofSeconds(7), status.expectedCycle(), "one cycle reads both store views");
        cycles.sized("default", 200, 100);
        assertEquals(Duration.ofSeconds(3), status.expectedCycle(), "a store view's new size replaces its old one");
    }

    @Test
    void theEstimateIsLoggedOnceAndAgainOnlyWhenItMovesByMoreThanAFifth() {
        endpoint.scanBudget(2);

        cycles.sized("default", 1000, 100);
        assertEquals(1, log.count(SAID), log.text());
        assertEquals(1, log.count(Pattern.compile("1000 rows, 10 pages of 100; at magento.scan-budget=2 req/s shared by 1 scan one cycle takes about 5 s")),
                log.text());
        cycles.sized("default", 1100, 100);
        assertEquals(1, log.count(SAID), "11 pages instead of 10: not news");
        cycles.sized("default", 1300, 100);
        assertEquals(2, log.count(SAID), "13 pages: more than a fifth longer");
    }

    @Test
    void anUnpacedScanEstimatesNothing() {
        endpoint.scanBudget(0);

        cycles.sized("default", 1000, 100);

        assertNull(status.expectedCycle());
        assertEquals(0, log.count(SAID));
    }
}
