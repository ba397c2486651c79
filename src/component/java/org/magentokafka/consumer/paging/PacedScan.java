package org.magentokafka.consumer.paging;

/**
 * A scan paced by the store's scan budget, as its pages see it: the first page of each store view's pass gives the
 * store view's size, from which the scan says how long one cycle takes (the {@code scan} package's ScanCycles).
 */
public interface PacedScan {

    /** The first page of a paced pass of {@code store} counted {@code rows}. */
    void sized(String store, long rows, int pageSize);
}
