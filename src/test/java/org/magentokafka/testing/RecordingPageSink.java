package org.magentokafka.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.magentokafka.consumer.paging.FetchedPage;
import org.magentokafka.consumer.paging.PageSink;
import org.magentokafka.consumer.paging.StoreSync;
import org.magentokafka.paging.Page;
import org.magentokafka.stream.MagentoStream;

/**
 * Where a pass's pages go in a unit test: noted on the sync as the consumer's delivery notes them (keys, newest
 * timestamp, counts) and kept in the order they were handed over, instead of going to a route.
 */
public final class RecordingPageSink implements PageSink {

    /** One page handed to the route: its number and page count as the reader gave them, its items' keys in order. */
    public record HandedOver(int number, int pageCount, List<String> keys) {
    }

    private final MagentoStream stream;
    private final List<HandedOver> pages = Collections.synchronizedList(new ArrayList<>());
    private final List<String> deleted = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<HandedOver> afterEach = page -> {
    };

    public RecordingPageSink(MagentoStream stream) {
        this.stream = stream;
    }

    @Override
    public void handOver(StoreSync sync, FetchedPage fetched, int number, int pageCount, boolean collectKeys) {
        Page page = fetched.page();
        sync.note(stream, page, collectKeys);
        List<String> keys = new ArrayList<>();
        page.items().forEach(item -> keys.add(stream.keyOf(item)));
        HandedOver handedOver = new HandedOver(number, pageCount, List.copyOf(keys));
        pages.add(handedOver);
        sync.pageHandedOver(page.items().size());
        afterEach.accept(handedOver);
    }

    /** Runs {@code action} right after each page was handed over (e.g. to stop the consumer there). */
    public void afterEach(Consumer<HandedOver> action) {
        this.afterEach = action;
    }

    @Override
    public void deliver(StoreSync sync, List<Map<String, Object>> items, int page, int pageCount, long totalCount,
                        boolean deletes) {
        if (!deletes) {
            throw new AssertionError("only deletes are delivered outside handOver");
        }
        items.forEach(item -> deleted.add(String.valueOf(item.get("key"))));
    }

    @Override
    public void awaitAll() {
    }

    /** The pages handed over, in the order the reader handed them over. */
    public List<HandedOver> pages() {
        return List.copyOf(pages);
    }

    /** Every key handed over, page after page, in the order handed over (repeats kept). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        pages().forEach(p -> keys.addAll(p.keys()));
        return keys;
    }

    /** The keys delivered as deletes. */
    public List<String> deleted() {
        return List.copyOf(deleted);
    }
}
