package org.magentokafka.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * Rows changed since the watermark, read as a keyset on ({@code updated_at}, id) ascending, page 1 every time: the
 * cursor is a position in that order, not a row number, so an edit made during the poll moves its row ahead of the
 * cursor (read later in this poll, or by the next) and never shifts rows behind it; a changing {@code total_count}
 * is expected and holds nothing. A page ends in a second that may hold more rows: that second is finished by id
 * ({@code updated_at eq S AND id gt last}) before the window goes on after it ({@code updated_at gt S}). The window
 * closes when a page comes back short. {@link LateCommitCatchUp} says where windows start: the watermark minus a few
 * seconds' slack, and the window read one overlap earlier again (bounded above), which finds saves committed after
 * their timestamp.
 */
final class IncrementalPass {

    private final PassParts parts;
    private final MagentoStream stream;
    private final LateCommitCatchUp catchUp;
    private final RecentRows recent;

    IncrementalPass(PassParts parts, LateCommitCatchUp catchUp, RecentRows recent) {
        this.parts = parts;
        this.stream = parts.stream();
        this.catchUp = catchUp;
        this.recent = recent;
    }

    /** A page as the store answered it, and what of it was not delivered before (with its look-ups started). */
    private record Fetched(Page answer, Page fresh) {
    }

    void read(StoreSync sync) throws Exception {
        String from = catchUp.lowerBound(sync.store, sync.state.watermark());
        readWindow(sync, from, null);
        String newest = sync.maxTimestamp;
        // The window read one overlap ago, again: saves committed after their timestamp are visible by now.
        LateCommitCatchUp.Window again = sync.inconsistent ? null : catchUp.due(sync.store);
        if (again != null) {
            readWindow(sync, again.from(), again.to());
        }
        parts.deliveries().awaitAll();
        parts.failIfStopping(sync);
        if (!sync.inconsistent) {
            catchUp.read(sync.store, from, newest, again);
        }
    }

    /** Reads the rows from {@code from} on ({@code gteq}), up to {@code to} when given ({@code lteq}). */
    private void readWindow(StoreSync sync, String from, String to) throws Exception {
        int pageSize = parts.endpoint().getConfiguration().getPageSize();
        Cursor cursor = new Cursor(from, null, false, to);
        Future<Fetched> next = fetch(sync, cursor.criteria(pageSize));
        int number = 0;
        int pageCount = 1;
        try {
            while (parts.runAllowed()) {
                Fetched fetched = PageFetchers.await(next);
                next = null;
                Page page = fetched.answer();
                sync.readAgain += page.items().size() - fetched.fresh().items().size();
                List<Map<String, Object>> items = page.items();
                if (number == 0) {
                    pageCount = Math.max(1, (int) Math.min(Integer.MAX_VALUE, (page.totalCount() + pageSize - 1) / pageSize));
                }
                PageBounds.Problem nonsense = PageBounds.keysetProblem(page.totalCount(), items.size(), pageSize);
                Cursor after = cursor.after(items, items.size() >= pageSize, sync);
                if (after != null && nonsense == null) {
                    // The next page's request leaves while the route publishes this one.
                    next = fetch(sync, after.criteria(pageSize));
                }
                if (!fetched.fresh().items().isEmpty()) {
                    number++;
                    parts.delivery().handOver(sync, fetched.fresh(), number, Math.max(pageCount, number), false);
                }
                if (nonsense != null) {
                    parts.reports().inconsistent(sync, sync.path(stream), nonsense);
                    break;
                }
                if (after == null) {
                    break;
                }
                cursor = after;
            }
        } finally {
            if (next != null) {
                next.cancel(true);
            }
        }
    }

    private Future<Fetched> fetch(StoreSync sync, SearchCriteria criteria) {
        MagentoClient client = sync.client;
        return parts.fetchers().submit(() -> {
            Page answer = client.fetchPage(stream.resource(), criteria);
            // Rows this process already delivered are not handed over again: no look-ups for an idle window.
            Page fresh = recent.unseen(sync.store, answer);
            Runnable lookups = parts.lookups().lookupsFor(client, fresh);
            if (lookups != null) {
                lookups.run();
            }
            return new Fetched(answer, fresh);
        });
    }

    /**
     * Where the window goes on: from a second ({@code gteq} at the start, {@code gt} once that second was finished),
     * or within a second after an id.
     */
    private final class Cursor {
        private final String second;
        private final Long afterId;
        private final boolean pastSecond;
        /** The window's upper bound ({@code lteq}), or null for none. */
        private final String upTo;

        Cursor(String second, Long afterId, boolean pastSecond, String upTo) {
            this.second = second;
            this.afterId = afterId;
            this.pastSecond = pastSecond;
            this.upTo = upTo;
        }

        SearchCriteria criteria(int pageSize) {
            String time = stream.timestampField();
            String id = stream.sortFields().get(0);
            SearchCriteria c = SearchCriteria.paged(pageSize).withPage(1);
            if (afterId != null) {
                return c.withFilterGroup(new SearchCriteria.Filter(time, second, "eq"))
                        .withFilterGroup(new SearchCriteria.Filter(id, String.valueOf(afterId), "gt"))
                        .sortedBy(id, "ASC");
            }
            c = c.withFilterGroup(new SearchCriteria.Filter(time, second, pastSecond ? "gt" : "gteq"));
            if (upTo != null) {
                c = c.withFilterGroup(new SearchCriteria.Filter(time, upTo, "lteq"));
            }
            return c.sortedBy(time, "ASC").sortedBy(id, "ASC");
        }

        /** The cursor after this page, or null when the window is read. */
        Cursor after(List<Map<String, Object>> items, boolean full, StoreSync sync) {
            if (!full) {
                // A short page within one second: the window goes on after that second.
                return afterId != null ? new Cursor(second, null, true, upTo) : null;
            }
            Map<String, Object> last = items.get(items.size() - 1);
            String lastSecond = Watermark.normalize(String.valueOf(last.get(stream.timestampField())));
            if (lastSecond == null) {
                throw new MagentoException(sync.path(stream), 200, false, "an incremental page has a row whose "
                        + stream.timestampField() + " is '" + last.get(stream.timestampField())
                        + "', not a timestamp; the next poll reads the window again");
            }
            return new Cursor(lastSecond, idOf(last, sync), false, upTo);
        }

        private long idOf(Map<String, Object> item, StoreSync sync) {
            Object id = item.get(stream.keysetIdField());
            try {
                return Long.parseLong(String.valueOf(id));
            } catch (NumberFormatException e) {
                throw new MagentoException(sync.path(stream), 200, false, "an incremental page has a row whose '"
                        + stream.keysetIdField() + "' is '" + id + "', not a number; the next poll reads the window again");
            }
        }
    }
}
