package org.magentokafka.consumer.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.Page;
import org.magentokafka.stream.MagentoStream;

/**
 * What the readers of a pass (page-number, keyset, deletion sweep, re-publishing) share with the consumer that
 * runs them: the fetchers, the hand-over to the route, the deliveries in flight, the reports and whether the
 * consumer may still run.
 */
record PassParts(MagentoEndpoint endpoint, PageFetchers fetchers, PageDelivery delivery, PageDeliveries deliveries,
                 PassReports reports, PageLookupPrefetch lookups, BooleanSupplier running) {

    MagentoStream stream() {
        return endpoint.stream();
    }

    boolean runAllowed() {
        return running.getAsBoolean();
    }

    /** The items' keys in answer order, for {@link PageBounds}. */
    List<String> keysOf(Page page) {
        MagentoStream stream = stream();
        List<String> keys = new ArrayList<>(page.items().size());
        page.items().forEach(item -> keys.add(stream.keyOf(item)));
        return keys;
    }

    /** A pass cut short by a stop is a failed poll: nothing after the last delivered page counts as done. */
    void failIfStopping(StoreSync sync) {
        if (!runAllowed()) {
            throw new MagentoException(sync.path(stream()), 0, true,
                    "magento:" + endpoint.getStream() + " stopped during a sync; the next start resumes from the last committed page");
        }
    }
}
