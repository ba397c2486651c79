package org.magentokafka.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.magentokafka.change.StateStore;
import org.magentokafka.consumer.paging.PageFetchers;
import org.magentokafka.consumer.paging.PageLookupPrefetch;
import org.magentokafka.consumer.paging.PassParts;
import org.magentokafka.consumer.paging.PassReports;
import org.magentokafka.consumer.paging.StoreSync;

/**
 * The parts a reader of a pass works with (fetchers, hand-over, reports, look-ups), as the consumer wires them, on a
 * {@link SandboxStreamContext}: pages go to a {@link RecordingPageSink}. Close it to stop the fetchers.
 */
public final class PassFixture implements AutoCloseable {

    private final SandboxStreamContext context;
    private final PageFetchers fetchers;
    private final RecordingPageSink sink;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final PassParts parts;

    public PassFixture(SandboxStreamContext context) {
        this.context = context;
        this.fetchers = new PageFetchers(context);
        this.fetchers.start(this);
        this.sink = new RecordingPageSink(context.stream());
        this.parts = new PassParts(context, fetchers, sink, new PassReports(context.getStream()),
                new PageLookupPrefetch(context, fetchers.lookups()), running::get);
    }

    public PassParts parts() {
        return parts;
    }

    /** What the pass handed over. */
    public RecordingPageSink sink() {
        return sink;
    }

    /** A poll of this store view with this state (not the store view's first). */
    public StoreSync sync(String storeCode, StateStore state) {
        return new StoreSync(storeCode, context.client(storeCode), state, false);
    }

    /** A poll of this store view with the endpoint's own state of it. */
    public StoreSync sync(String storeCode) {
        return sync(storeCode, context.state(storeCode));
    }

    /** The consumer is stopping: the readers stop between two pages. */
    public void stop() {
        running.set(false);
    }

    @Override
    public void close() {
        fetchers.stop();
    }
}
