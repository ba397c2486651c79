package org.magentokafka.consumer;

import java.time.Clock;

import org.magentokafka.change.StateStore;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.ScanBudget;
import org.magentokafka.consumer.paging.PagingContext;
import org.magentokafka.enrich.PartAvailability;

/**
 * What the parts of a stream's consumer and its background scans use of the stream's endpoint (the component's
 * {@code MagentoEndpoint}): beyond what its pages need, the change state, the scans' clients and budget, the
 * optional parts' availability and the clock of the store views' dates. Narrow on purpose: the parts neither see the
 * component nor its configuration class.
 */
public interface StreamContext extends PagingContext {

    @Override
    StreamSettings getConfiguration();

    @Override
    StreamStore store();

    /** This endpoint's state of one of its store views, opened on first use. */
    StateStore state(String storeCode);

    /**
     * A state by name and scope, opened on first use: another stream's in a store view (the products' for the
     * requests other streams record), or a scan's own (the salable-quantity scan's per website).
     */
    StateStore stateOf(String name, String scope);

    /** This store view's client for scans: paced by the store's scan budget, behind foreground requests. */
    MagentoClient scanClient(String storeCode);

    /**
     * The status, in metrics and health output, of what refreshes part of this stream's data on a loop of its own
     * ({@code stock-index}, {@code order-signals}), judged like a polled stream.
     */
    PollStatus signalStatus(String name);

    /** The budget this endpoint's scans share with every other scan of the store. */
    ScanBudget scanBudget();

    /** Which optional parts of the product events each store view has now. */
    PartAvailability enrichment();

    /** The wall clock the price pass reads store-view dates from. */
    Clock clock();
}
