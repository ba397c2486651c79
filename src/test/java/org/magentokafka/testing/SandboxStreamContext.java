package org.magentokafka.testing;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.ExecutorServiceManager;
import org.magentokafka.auth.BearerAuthenticator;
import org.magentokafka.change.StateStore;
import org.magentokafka.client.ClientMetrics;
import org.magentokafka.client.MagentoClient;
import org.magentokafka.client.RetryPolicy;
import org.magentokafka.client.ScanBudget;
import org.magentokafka.client.StoreAddress;
import org.magentokafka.client.StoreGate;
import org.magentokafka.consumer.CatalogSignals;
import org.magentokafka.consumer.PollStatus;
import org.magentokafka.consumer.StreamContext;
import org.magentokafka.consumer.StreamStore;
import org.magentokafka.enrich.EventPart;
import org.magentokafka.enrich.MetadataCache;
import org.magentokafka.enrich.PartAvailability;
import org.magentokafka.enrich.UnknownParts;
import org.magentokafka.net.NetworkSettings;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.storefront.ParentIndex;
import org.magentokafka.stream.MagentoStream;

/**
 * A stream's endpoint as its consumer's parts and background scans see it ({@link StreamContext}), over a running
 * {@link SandboxStore}: real clients (one attempt per request, so a failure is quick), the change states in memory,
 * the store's signals, a hand-moved clock, and no Camel. Thread pools are plain ones; a scan's schedule is a
 * {@link ManualRounds} the test runs round by round ({@link #rounds}).
 */
public final class SandboxStreamContext implements StreamContext, AutoCloseable {

    private final Map<String, PollStatus> statuses = new ConcurrentHashMap<>();
    private final SandboxStore sandbox;
    private final MagentoStream stream;
    private final List<String> storeCodes;
    private final StreamOptions settings = new StreamOptions();
    private final Map<String, MagentoClient> clients = new ConcurrentHashMap<>();
    private final Map<String, StateStore> states = new ConcurrentHashMap<>();
    private final Map<String, ManualRounds> rounds = new ConcurrentHashMap<>();
    private final Set<String> storefrontViews;
    private final SharedStore shared = new SharedStore();
    private final PartAvailability enrichment = new PartAvailability();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile ScanBudget budget = new ScanBudget(0);
    private volatile RuntimeException scanClientFailure;

    /** A stream over a running store, reading these store views. */
    public SandboxStreamContext(SandboxStore sandbox, MagentoStream stream, String... storeCodes) {
        this.sandbox = sandbox;
        this.stream = stream;
        this.storeCodes = List.of(storeCodes);
        this.storefrontViews = ConcurrentHashMap.newKeySet();
        this.storefrontViews.addAll(this.storeCodes);
    }

    /** A stream for a part that makes no request (a planner): asking for a client fails the test. */
    public static SandboxStreamContext withoutStore(MagentoStream stream, String... storeCodes) {
        return new SandboxStreamContext(null, stream, storeCodes);
    }

    /** The endpoint's options, set by the test before the part under test reads them. */
    public StreamOptions settings() {
        return settings;
    }

    /** The wall clock the price pass reads (starts on 2026-03-10 12:00 UTC). */
    public MutableClock wallClock() {
        return clock;
    }

    /** The scan scheduled on the thread named {@code threadName} (e.g. MagentoReconcile): its rounds, run by hand. */
    public ManualRounds rounds(String threadName) {
        ManualRounds scan = rounds.get(threadName + "-" + getStream());
        if (scan == null) {
            throw new AssertionError("no scan was started on " + threadName + "; started: " + rounds.keySet());
        }
        return scan;
    }

    /** Whether the route enriches this store view's products for the storefront (all store views unless changed). */
    public void servesStorefront(String storeCode, boolean serves) {
        if (serves) {
            storefrontViews.add(storeCode);
        } else {
            storefrontViews.remove(storeCode);
        }
    }

    /** From now on asking for a scan's client fails with {@code failure} (null: it works again), as a bug would. */
    public void scanClientsFailWith(RuntimeException failure) {
        this.scanClientFailure = failure;
    }

    public void scanBudget(double perSecond) {
        this.budget = new ScanBudget(perSecond);
    }

    @Override
    public MagentoStream stream() {
        return stream;
    }

    @Override
    public String getStream() {
        return stream.uriName();
    }

    @Override
    public List<String> storeCodes() {
        return storeCodes;
    }

    @Override
    public MagentoClient client(String storeCode) {
        if (sandbox == null) {
            throw new AssertionError("this test has no store, yet a client of store view " + storeCode + " was asked for");
        }
        return clients.computeIfAbsent(storeCode, code -> new MagentoClient(new StoreAddress(sandbox.baseUrl(), "/rest", code),
                new BearerAuthenticator(sandbox.options().accessToken()), new StoreGate(4),
                new NetworkSettings(null, 0, null, null, "PKCS12").httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(30),
                mapper, new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(5)), new ClientMetrics()));
    }

    @Override
    public MagentoClient scanClient(String storeCode) {
        RuntimeException failure = scanClientFailure;
        if (failure != null) {
            throw failure;
        }
        return budget.paced() ? client(storeCode).paced(budget) : client(storeCode);
    }

    @Override
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public boolean guest() {
        return false;
    }

    @Override
    public StreamOptions getConfiguration() {
        return settings;
    }

    @Override
    public SharedStore store() {
        return shared;
    }

    @Override
    public void observed(String storeCode, Set<EventPart> parts, UnknownParts unknown) {
        enrichment.observe(storeCode, parts, unknown);
    }

    @Override
    public StateStore state(String storeCode) {
        return stateOf(getStream(), storeCode);
    }

    @Override
    public StateStore stateOf(String name, String scope) {
        return states.computeIfAbsent(name + "." + scope, k -> new InMemoryStateStore());
    }

    @Override
    public PollStatus signalStatus(String name) {
        return statuses.computeIfAbsent(name, k -> new PollStatus(false));
    }

    @Override
    public ScanBudget scanBudget() {
        return budget;
    }

    @Override
    public PartAvailability enrichment() {
        return enrichment;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    /** Plain thread pools for the page fetchers; a {@link ManualRounds} for each scan's schedule. */
    @Override
    public ExecutorServiceManager executors() {
        return (ExecutorServiceManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExecutorServiceManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "newFixedThreadPool" -> Executors.newFixedThreadPool((Integer) args[2]);
                    case "newSingleThreadScheduledExecutor" -> {
                        ManualRounds scan = new ManualRounds();
                        rounds.put((String) args[1], scan);
                        yield scan;
                    }
                    case "shutdownNow" -> ((ExecutorService) args[0]).shutdownNow();
                    default -> throw new UnsupportedOperationException("ExecutorServiceManager." + method.getName());
                });
    }

    @Override
    public void close() {
        clients.values().forEach(MagentoClient::close);
        rounds.values().forEach(ExecutorService::shutdownNow);
    }

    /** What the stream shares with the other streams of its store: real caches and signals. */
    public final class SharedStore implements StreamStore {

        private final CatalogSignals signals = new CatalogSignals();
        private final MetadataCache metadata = new MetadataCache();
        private final ParentIndex parents = new ParentIndex();
        private boolean parentsListed;

        @Override
        public CatalogSignals signals() {
            return signals;
        }

        @Override
        public boolean servesStorefront(String storeCode) {
            return storefrontViews.contains(storeCode);
        }

        @Override
        public MetadataCache metadata() {
            return metadata;
        }

        @Override
        public void storefrontAsked(String storeCode) {
            storefrontViews.add(storeCode);
        }

        @Override
        public synchronized ParentIndex listedParents(Consumer<ParentIndex> listing) {
            if (!parentsListed) {
                listing.accept(parents);
                parentsListed = true;
            }
            return parents;
        }
    }
}
