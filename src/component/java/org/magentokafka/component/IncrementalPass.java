package org.magentokafka.component;

import java.time.Duration;
import java.time.Instant;

import org.magentokafka.change.Watermark;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * Rows changed since the watermark (minus the overlap), newest first, by page number. An idle poll costs one
 * request: when {@link IdleWindows} recognises page 1 as last poll's window, nothing more is fetched.
 */
final class IncrementalPass {

    private final MagentoEndpoint endpoint;
    private final MagentoStream stream;
    private final PageNumberReader pages;
    private final IdleWindows windows;
    private final Duration overlap;

    IncrementalPass(MagentoEndpoint endpoint, PageNumberReader pages, IdleWindows windows, Duration overlap) {
        this.endpoint = endpoint;
        this.stream = endpoint.stream();
        this.pages = pages;
        this.windows = windows;
        this.overlap = overlap;
    }

    void read(StoreSync sync) throws Exception {
        String lowerBound = Watermark.lowerBound(sync.state.watermark(), overlap);
        SearchCriteria criteria = SearchCriteria.paged(endpoint.getConfiguration().getPageSize())
                .withFilterGroup(new SearchCriteria.Filter(stream.timestampField(), lowerBound, "gteq"))
                .sortedBy(stream.timestampField(), "DESC");
        for (String field : stream.sortFields()) {
            criteria = criteria.sortedBy(field, "DESC");
        }
        Instant readAt = Instant.now();
        Page[] firstSeen = new Page[1];
        pages.read(sync, criteria, false, first -> {
            firstSeen[0] = first;
            return windows.unchanged(sync.store, lowerBound, first);
        });
        Page first = firstSeen[0];
        if (first != null && !sync.totalChanged && !sync.inconsistent) {
            windows.read(sync.store, lowerBound, first, readAt);
        }
    }
}
