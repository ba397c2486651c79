package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParentIndexTest {

    private final ParentIndex index = new ParentIndex();

    @Test
    void aChildKnowsItsParentAndAnUnlinkedProductHasNone() {
        index.setLinks(10, "MP01", List.of(11L, 12L));
        assertEquals(List.of("MP01"), index.parentsOf(11));
        assertEquals(List.of("MP01"), index.parentsOf(12));
        assertEquals(List.of(), index.parentsOf(13));
        assertEquals(List.of(), index.parentsOf(10), "a configurable is nobody's child");
        assertEquals(List.of(), index.parentsOf(5_000_000), "an id far beyond any seen");
    }

    @Test
    void aChildOfSeveralConfigurablesListsThemAll() {
        index.setLinks(10, "MP01", List.of(20L));
        index.setLinks(30, "MP02", List.of(20L, 21L));
        index.setLinks(40, "MP03", List.of(20L));
        assertEquals(List.of("MP01", "MP02", "MP03"), index.parentsOf(20));
        index.setLinks(30, "MP02", List.of(21L));
        assertEquals(List.of("MP01", "MP03"), index.parentsOf(20), "a removed link leaves the other parents");
        index.setLinks(40, "MP03", List.of());
        assertEquals(List.of("MP01"), index.parentsOf(20));
    }

    @Test
    void linksAPageNoLongerShowsAreDroppedAndNewOnesAdded() {
        index.setLinks(10, "MP01", List.of(11L, 12L));
        index.setLinks(10, "MP01", List.of(12L, 13L));
        assertEquals(List.of(), index.parentsOf(11));
        assertEquals(List.of("MP01"), index.parentsOf(12));
        assertEquals(List.of("MP01"), index.parentsOf(13));
        assertEquals(1, index.parentCount(), "the parent SKU is stored once");
    }

    @Test
    void aRenamedParentIsReportedByItsNewSku() {
        index.setLinks(10, "MP01", List.of(11L));
        index.setLinks(10, "MP01-new", List.of(11L));
        assertEquals(List.of("MP01-new"), index.parentsOf(11));
    }

    @Test
    void aPageKeepsTheIndexCurrentAndAProductNoLongerConfigurableLosesItsChildren() {
        index.update(List.of(configurable(10, "MP01", 11, 12), simple(11, "MP01-S"), simple(99, "other")));
        assertEquals(List.of("MP01"), index.parentsOf(11));
        Map<String, Object> nowSimple = simple(10, "MP01");
        index.update(List.of(nowSimple));
        assertEquals(List.of(), index.parentsOf(11));
        assertEquals(List.of(), index.parentsOf(12));
    }

    @Test
    void aRebuildReplacesWhatTheIndexHeld() {
        index.setLinks(10, "MP01", List.of(11L));
        ParentIndex rebuilt = new ParentIndex();
        rebuilt.setLinks(20, "MP02", List.of(21L));
        index.replaceWith(rebuilt);
        assertEquals(List.of(), index.parentsOf(11));
        assertEquals(List.of("MP02"), index.parentsOf(21));
        index.setLinks(20, "MP02", List.of(21L, 22L));
        assertEquals(List.of("MP02"), index.parentsOf(22), "the rebuilt index keeps being updated");
    }

    @Test
    void manyConfigurablesWithSparseIdsAreAllFound() {
        for (int p = 0; p < 20_000; p++) {
            long parentId = 1L + p * 97L;
            index.setLinks(parentId, "P" + p, List.of(parentId + 1, parentId + 2, parentId + 3, parentId + 4));
        }
        for (int p = 0; p < 20_000; p += 997) {
            long parentId = 1L + p * 97L;
            assertEquals(List.of("P" + p), index.parentsOf(parentId + 3));
        }
        assertEquals(List.of(), index.parentsOf(1L + 5 * 97L + 50));
    }

    static Map<String, Object> configurable(long id, String sku, long... children) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("sku", sku);
        row.put("type_id", "configurable");
        List<Object> links = new ArrayList<>();
        for (long c : children) {
            links.add(c);
        }
        row.put("extension_attributes", Map.of("configurable_product_links", links));
        return row;
    }

    static Map<String, Object> simple(long id, String sku) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("sku", sku);
        row.put("type_id", "simple");
        return row;
    }
}
