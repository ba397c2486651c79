package org.magentokafka.consumer.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.magentokafka.paging.Paging;

class KeyRangesTest {

    @Test
    void rangesAreContiguousEvenAndTheLastIsOpen() {
        List<KeyRanges.Range> ranges = KeyRanges.split(100, 900, 4);
        assertEquals(List.of(new KeyRanges.Range(100, 300L), new KeyRanges.Range(300, 500L),
                new KeyRanges.Range(500, 700L), new KeyRanges.Range(700, null)), ranges);
    }

    @Test
    void aNarrowSpanGetsNoEmptyRanges() {
        assertEquals(List.of(new KeyRanges.Range(10, 11L), new KeyRanges.Range(11, null)), KeyRanges.split(10, 12, 8));
    }

    @Test
    void nothingAfterTheFirstPageStillReadsOneOpenRange() {
        List<KeyRanges.Range> ranges = KeyRanges.split(50, 50, 8);
        assertEquals(1, ranges.size());
        assertEquals(50, ranges.get(0).lower());
        assertNull(ranges.get(0).upper());
    }

    @Test
    void pagingModesParseAndAWrongOneIsNamed() {
        assertEquals(Paging.KEYSET, Paging.parse(" Keyset "));
        assertEquals(Paging.PAGE_NUMBER, Paging.parse("page-number"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Paging.parse("offset"));
        assertEquals(true, e.getMessage().startsWith("magento.paging='offset' is not a paging mode"));
    }
}
