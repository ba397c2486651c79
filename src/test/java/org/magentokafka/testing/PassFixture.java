package org.magentokafka.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.stream.MagentoStream;

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
    /** The store and endpoint this fixture started itself ({@link #onNewStore}), closed with it; else null. */
    private SandboxStore ownStore;

    /**
     * A pass of {@code stream} over a new simulated store of {@code products} products in store view default; the
     * store, its endpoint and the pass's parts close together.
     */
    public static PassFixture onNewStore(MagentoStream stream, int products, Consumer<SandboxStore> before,
                                         Consumer<StreamOptions> settings) {
        SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(products).storeCodes(List.of("default")).build());
        before.accept(store);
        SandboxStreamContext context = new SandboxStreamContext(store, stream, "default");
        settings.accept(context.settings());
        PassFixture fixture = new PassFixture(context);
        fixture.ownStore = store;
        return fixture;
    }

    public SandboxStore store() {
        return ownStore;
    }

    public SandboxStreamContext endpoint() {
        return context;
    }

    /** The SKUs of the store's products now. */
    public Set<String> skus() {
        Set<String> skus = new TreeSet<>();
        ownStore.catalog().products().forEach(p -> skus.add(p.get("sku").asText()));
        return skus;
    }

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
        if (ownStore != null) {
            context.close();
            ownStore.close();
        }
    }
}
