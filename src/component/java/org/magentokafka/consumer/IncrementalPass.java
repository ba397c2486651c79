package org.magentokafka.consumer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.magentokafka.change.Watermark;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.MagentoException;
import org.magentokafka.consumer.paging.FetchedPage;
import org.magentokafka.consumer.paging.PageFetchers;
import org.magentokafka.consumer.paging.PassParts;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.Page;
import org.magentokafka.paging.PageBounds;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.stream.MagentoStream;

/**
 * Rows changed since the watermark, read as a keyset on ({@code updated_at}, id) ascending, page 1 every time: the
 * cursor is a position in that order, not a row number, so an edit made during the poll moves its row ahead of the
 * cursor (read later in this poll, or by the next) and never shifts rows behind it; a changing {@code total_count}
 * is expected and holds nothing. Each page asks for the rows after the last one read ({@code updated_at gt S OR id
 * gt last}, with {@code updated_at gteq S}): one request per page, however many rows share a second (imports write
 * thousands in one). The window closes when a page comes back short. {@link LateCommitCatchUp} says where windows start: the watermark minus a few
 * seconds' slack, and the window read one overlap earlier again (bounded above), which finds saves committed after
 * their timestamp.
 */
final class IncrementalPass {

    private final PassParts parts;
    private final MagentoStream stream;
    private final LateCommitCatchUp catchUp;
    private final RecentRows recent;
    private final Clock clock;

    IncrementalPass(PassParts parts, LateCommitCatchUp catchUp, RecentRows recent, Clock clock) {
        this.parts = parts;
        this.stream = parts.stream();
        this.catchUp = catchUp;
        this.recent = recent;
        this.clock = clock;
    }

    /**
     * A page as the store answered it, what of it was not delivered before (with its look-ups started), and when it
     * was asked for: rows written after that may be missing from it.
     */
    private record Fetched(Page answer, FetchedPage fresh, Instant askedAt) {
    }

    /** Where a window ended: after its last row, read in the answer asked for at {@code askedAt}. */
    private record End(Cursor cursor, Instant askedAt) {
    }

    void read(StoreSync sync) throws Exception {
        LateCommitCatchUp.Position start = catchUp.start(sync.store(), sync.state().watermark());
        Instant began = clock.instant();
        End last = readWindow(sync, new Cursor(start.second(), start.afterId(), null));
        String newest = sync.maxTimestamp();
        // The window read one overlap ago, again: saves committed after their timestamp are visible by now.
        LateCommitCatchUp.Window again = sync.inconsistent() ? null : catchUp.due(sync.store());
        if (again != null) {
            readWindow(sync, new Cursor(again.from(), again.afterId(), again.to()));
        }
        parts.delivery().awaitAll();
        parts.failIfStopping(sync);
        if (!sync.inconsistent()) {
            catchUp.read(sync.store(), start, newest, last == null ? null
                    : new LateCommitCatchUp.Position(last.cursor().second, last.cursor().afterId), last == null ? null
                    : last.askedAt(), again, began);
        }
    }

    /** Reads the window from the cursor on; returns the position after its last row (null when it had none). */
    private End readWindow(StoreSync sync, Cursor cursor) throws Exception {
        int pageSize = parts.context().getConfiguration().getPageSize();
        Future<Fetched> next = fetch(sync, cursor.criteria(pageSize));
        End position = null;
        int number = 0;
        int pageCount = 1;
        try {
            while (parts.runAllowed()) {
                Fetched fetched = PageFetchers.await(next);
                next = null;
                Page page = fetched.answer();
                sync.addReadAgain(page.items().size() - fetched.fresh().page().items().size());
                List<Map<String, Object>> items = page.items();
                if (number == 0) {
                    pageCount = Math.max(1, (int) Math.min(Integer.MAX_VALUE, (page.totalCount() + pageSize - 1) / pageSize));
                }
                PageBounds.Problem nonsense = PageBounds.keysetProblem(page.totalCount(), items.size(), pageSize);
                Cursor after = items.isEmpty() ? null : cursor.after(items.get(items.size() - 1), sync);
                if (after != null) {
                    position = new End(after, fetched.askedAt());
                }
                boolean more = after != null && items.size() >= pageSize && nonsense == null;
                if (more) {
                    // The next page's request leaves while the route publishes this one.
                    next = fetch(sync, after.criteria(pageSize));
                }
                if (!fetched.fresh().page().items().isEmpty()) {
                    number++;
                    parts.delivery().handOver(sync, fetched.fresh(), number, Math.max(pageCount, number), false);
                }
                if (nonsense != null) {
                    parts.reports().inconsistent(sync, sync.path(stream), nonsense);
                    break;
                }
                if (!more) {
                    break;
                }
                cursor = after;
            }
        } finally {
            if (next != null) {
                next.cancel(true);
            }
        }
        return position;
    }

    private Future<Fetched> fetch(StoreSync sync, SearchCriteria criteria) {
        MagentoClient client = sync.client();
        return parts.fetchers().submit(() -> {
            Instant askedAt = clock.instant();
            Page answer = client.fetchPage(stream.resource(), criteria);
            // Rows this process already delivered are not handed over again: no look-ups for an idle window.
            FetchedPage fresh = parts.lookups().arrived(sync, recent.unseen(sync.store(), answer));
            Runnable prefetch = parts.lookups().prefetch(fresh);
            if (prefetch != null) {
                prefetch.run();
            }
            return new Fetched(answer, fresh, askedAt);
        });
    }

    /**
     * A position in ({@code updated_at}, id) order: rows after it are {@code updated_at gt S OR id gt last} (one
     * filter group: OR) and {@code updated_at gteq S} (AND), i.e. a later second, or the same second and a higher id;
     * without an id, every row from the second on. Bounded above ({@code lteq}) when reading a window again.
     */
    private final class Cursor {
        private final String second;
        private final Long afterId;
        private final String upTo;

        Cursor(String second, Long afterId, String upTo) {
            this.second = second;
            this.afterId = afterId;
            this.upTo = upTo;
        }

        SearchCriteria criteria(int pageSize) {
            String time = stream.timestampField();
            String id = stream.sortFields().get(0);
            SearchCriteria c = SearchCriteria.paged(pageSize).withPage(1)
                    .withFilterGroup(new SearchCriteria.Filter(time, second, "gteq"));
            if (afterId != null) {
                c = c.withFilterGroup(new SearchCriteria.Filter(time, second, "gt"),
                        new SearchCriteria.Filter(id, String.valueOf(afterId), "gt"));
            }
            if (upTo != null) {
                c = c.withFilterGroup(new SearchCriteria.Filter(time, upTo, "lteq"));
            }
            return c.sortedBy(time, "ASC").sortedBy(id, "ASC");
        }

        /** The position after this row (the last of a page). */
        Cursor after(Map<String, Object> last, StoreSync sync) {
            String lastSecond = Watermark.normalize(String.valueOf(last.get(stream.timestampField())));
            if (lastSecond == null) {
                throw new MagentoException(sync.path(stream), 200, false, "an incremental page has a row whose "
                        + stream.timestampField() + " is '" + last.get(stream.timestampField())
                        + "', not a timestamp; the next poll reads the window again");
            }
            return new Cursor(lastSecond, idOf(last, sync), upTo);
        }

        private long idOf(Map<String, Object> item, StoreSync sync) {
            Long id = stream.keysetIdOf(item);
            if (id == null) {
                throw new MagentoException(sync.path(stream), 200, false, "an incremental page has a row whose '"
                        + stream.keysetIdField() + "' is '" + item.get(stream.keysetIdField())
                        + "', not a number; the next poll reads the window again");
            }
            return id;
        }
    }
}
