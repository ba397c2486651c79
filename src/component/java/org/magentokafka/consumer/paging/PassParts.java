package org.magentokafka.consumer.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.stream.MagentoStream;

/**
 * What the readers of a pass (page-number, keyset, incremental, deletion sweep, re-publishing) share with the
 * consumer that runs them: the endpoint as far as they use it, the fetchers, the hand-over to the route, the
 * reports, the page look-ups and whether the consumer may still run.
 */
public record PassParts(PagingContext context, PageFetchers fetchers, PageSink delivery, PassReports reports,
                        PageLookupPrefetch lookups, BooleanSupplier running) {

    public MagentoStream stream() {
        return context.stream();
    }

    public boolean runAllowed() {
        return running.getAsBoolean();
    }

    /** The items' keys in answer order, for {@link PageBounds}. */
    public List<String> keysOf(Page page) {
        MagentoStream stream = stream();
        List<String> keys = new ArrayList<>(page.items().size());
        page.items().forEach(item -> keys.add(stream.keyOf(item)));
        return keys;
    }

    /** A pass cut short by a stop is a failed poll: nothing after the last delivered page counts as done. */
    public void failIfStopping(StoreSync sync) {
        if (!runAllowed()) {
            throw new MagentoException(sync.path(stream()), 0, true,
                    "magento:" + context.getStream() + " stopped during a sync; the next start resumes from the last committed page");
        }
    }
}
