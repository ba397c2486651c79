package org.magentokafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.LoggedRequest;

import static org.magentokafka.bench.RequestLogs.CODES;
import static org.magentokafka.bench.RequestLogs.T0;
import static org.magentokafka.bench.RequestLogs.get;
import static org.magentokafka.bench.RequestLogs.page;

/** The benchmark times a scan's cycles from the store's request log: page 1 to the next page 1. */
class ScanCyclesTest {

    @Test
    void aScanCycleRunsFromPageOneToTheNextPageOne() {
        Map<String, String> lookUp = new LinkedHashMap<>(page(1));
        lookUp.put("searchCriteria[filterGroups][0][filters][0][field]", "sku");
        Map<String, String> probe = new LinkedHashMap<>(page(1));
        probe.put("searchCriteria[pageSize]", "1");
        List<LoggedRequest> log = List.of(
                get("/rest/default/V1/inventory/source-items", probe, -5_000),
                get("/rest/default/V1/inventory/source-items", page(1), 0),
                get("/rest/default/V1/inventory/source-items", lookUp, 500),
                get("/rest/default/V1/inventory/source-items", page(2), 1_000),
                get("/rest/default/V1/inventory/source-items", page(3), 2_000),
                get("/rest/default/V1/inventory/source-items", page(1), 10_000),
                get("/rest/default/V1/inventory/source-items", page(2), 11_000));
        ScanCycles scans = ScanCycles.of(log, "GET /V1/inventory/source-items", CODES, 50);
        assertEquals(300, scans.pageSize(), "a one-row probe for total_count is not a page of the scan");
        assertEquals(2, scans.cycles().size());
        ScanCycles.Cycle first = scans.cycles().get(0);
        assertEquals(3, first.pages(), "the sku look-up is not a page of the scan");
        assertEquals(2_050, first.length().toMillis(), "to the last page's answer");
        assertEquals(10_000, first.period().toMillis());
        assertEquals(7_950, first.pauseAfter().toMillis());
        assertEquals(List.of(first), scans.complete(3), "the running cycle has no successor yet");
    }
}
