package org.magentokafka.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.client.MagentoException;

/** What the store refused or lacks, told apart from blips, remembered per store view and part. */
class PartAvailabilityTest {

    private static final Unavailable STOCK = Unavailable.notGranted("Magento_InventoryApi::stock");

    @Test
    void aRefusalNamingItsResourceOrAMissingRouteIsLastingAndEverythingElseIsABlip() {
        MagentoException refused = new MagentoException("GET /rest/default/V1/x", 401, false, "answered 401");
        assertNull(Unavailable.of(refused, "R", "/V1/x"), "a 401 naming no resource is the credentials: not a missing part");
        assertEquals("not granted: Magento_InventoryApi::stock", Unavailable.of(new MagentoException("GET /x", 403, false,
                "answered 403"), "Magento_InventoryApi::stock", "/V1/x").reason());
        assertEquals("no route: /V1/inventory/source-items", Unavailable.of(new MagentoException("GET /x", 404, false,
                "GET /x answered 404 Not Found \"Request does not match any route.\""), "R", "/V1/inventory/source-items").reason());
        for (MagentoException blip : new MagentoException[] {
                new MagentoException("GET /x", 503, true, "GET /x answered 503"),
                new MagentoException("GET /x", 429, true, "GET /x answered 429 Too Many Requests"),
                new MagentoException("GET /x", 403, false, "GET /x returned HTML instead of JSON (status 403): a WAF"),
                new MagentoException("GET /x", 404, false, "GET /x answered 404 Not Found \"No such entity.\""),
                new MagentoException("GET /x", 0, true, "GET /x timed out after 30000 ms")}) {
            assertNull(Unavailable.of(blip, "R", "/V1/x"), blip.getMessage());
        }
    }

    /** The application exports the global registry; here a simple one stands in for it. */
    @BeforeAll
    static void registry() {
        Metrics.addRegistry(new SimpleMeterRegistry());
    }

    @Test
    void aPartIsUnknownUntilALookUpGivesItAndOnlyItsReturnAsksForAPass() {
        PartAvailability availability = new PartAvailability();
        assertFalse(availability.observe("v1", Set.of(EventPart.SALABLE), UnknownParts.of(EventPart.SALABLE, STOCK)));
        assertTrue(availability.isUnknown("v1", EventPart.SALABLE));
        assertFalse(availability.anyUnknown("v2"), "per store view");
        assertFalse(availability.observe("v1", Set.of(EventPart.SALABLE), UnknownParts.of(EventPart.SALABLE, STOCK)), "unchanged");
        assertEquals(Map.of("v1.salable", "not granted: Magento_InventoryApi::stock"), availability.unknownDetails());
        assertEquals(0.0, gauge("v1", "salable"));
        assertTrue(availability.observe("v1", Set.of(EventPart.SALABLE), UnknownParts.NONE), "back: publish again");
        assertFalse(availability.anyUnknown("v1"));
        assertEquals(1.0, gauge("v1", "salable"));
    }

    private static double gauge(String store, String part) {
        return Metrics.globalRegistry.get("magento.enrichment.available").tag("store", store).tag("part", part).gauge().value();
    }
}
