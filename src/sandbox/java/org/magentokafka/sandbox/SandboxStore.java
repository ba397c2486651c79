package org.magentokafka.sandbox;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Magento 2 store for tests and demos: a real HTTP server on 127.0.0.1 speaking Magento's REST
 * dialect (routing, ACL, searchCriteria, error bodies) over generated, mutable catalog data.
 *
 * <p>{@link #stop()} makes the port refuse connections while the data stays, and
 * {@link #restart()} listens on the same port again, so a test can take the store away mid-run.
 */
public final class SandboxStore implements AutoCloseable {

    private static final int THREADS = 16;

    static {
        // The JDK server writes headers and body in two writes; with Nagle on, the body waits for the client's
        // delayed ACK, about 40 ms per keep-alive request. Read once, when the JVM creates its first HttpServer;
        // an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxOptions options;
    private final SandboxCatalog catalog;
    private final RequestLog requests = new RequestLog();
    private final ExecutorService executor;
    private final SandboxHandler handler;
    private final OAuthIntegration integration;
    private final IntegrationGrants grants;
    private final AdminAccounts adminAccounts;
    private final FaultInjector faults;
    private volatile Scenario scenario = Scenario.NORMAL;
    private volatile int port;
    private HttpServer server;
    private boolean closed;

    private SandboxStore(SandboxOptions options) {
        this.options = options;
        StoreViews views = new StoreViews(options.storeCodes(), options.storefront().secondWebsite());
        this.catalog = SandboxCatalog.generate(options, views);
        this.grants = new IntegrationGrants(options.grantedResources());
        RequestAuthenticator base = options.authenticator() != null ? options.authenticator()
                : new BearerTokenAuthenticator(options.accessToken(), options.bearerAllowed(), grants);
        this.integration = new OAuthIntegration(options.oauthConsumerKey(), options.oauthConsumerSecret(),
                options.oauthAccessToken(), options.oauthAccessTokenSecret(), options.consumerKeyLifetime(), options.clock());
        OAuthVerifier verifier = new OAuthVerifier(integration, options.oauthSignatureMethods(), options.clock());
        this.adminAccounts = new AdminAccounts(options.adminUsername(), options.adminPassword(),
                options.adminTotpSecret(), options.adminTokenLifetime(), options.clock());
        RequestAuthenticator authenticator = new AuthenticatorChain(List.of(base,
                new AdminBearerAuthenticator(adminAccounts, SandboxOptions.ALL_RESOURCES),
                new OAuthAuthenticator(verifier, grants)));
        List<Route> routes = new ArrayList<>(RestRoutes.catalogRouteList());
        routes.addAll(new AdminTokenEndpoints(adminAccounts).routes());
        routes.addAll(StorefrontRoutes.list(options.storefront()));
        routes.addAll(SalesEndpoints.routes());
        this.faults = new FaultInjector(options.faults());
        this.handler = new SandboxHandler(options, authenticator, new RestRoutes(routes), catalog,
                SandboxCatalog.empty(options, views), views, requests, () -> scenario, this::baseUrl,
                new OAuthTokenEndpoints(verifier), faults);
        this.executor = executor();
        this.port = options.port();
    }

    public static SandboxStore start(SandboxOptions options) {
        SandboxStore store = new SandboxStore(options);
        try {
            store.listen();
        } catch (RuntimeException e) {
            store.executor.shutdownNow();
            throw e;
        }
        return store;
    }

    /** The store URL a merchant would type, without a trailing slash. */
    public String baseUrl() {
        return (options.tlsKeystore() == null ? "http://" : "https://") + options.host() + ":" + port;
    }

    public int port() {
        return port;
    }

    public SandboxOptions options() {
        return options;
    }

    public SandboxCatalog catalog() {
        return catalog;
    }

    public RequestLog requests() {
        return requests;
    }

    public Scenario scenario() {
        return scenario;
    }

    public void setScenario(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario);
    }

    /** The faults in force now (those of the options until {@link #setFaults(Faults)}). */
    public Faults faults() {
        return faults.faults();
    }

    /**
     * Replaces the faults for requests that arrive from now on (requests already running keep theirs) and
     * restarts the seeded draw sequence at request 0, so the same faults set again give the same sequence.
     * Counters and peaks are kept. Thread-safe.
     */
    public void setFaults(Faults faults) {
        this.faults.set(faults);
    }

    /** Answers list requests arriving from now on inconsistently in this way (NONE: truthfully); other faults stay. */
    public void setInconsistentLists(InconsistentLists mode) {
        setFaults(faults().toBuilder().inconsistentLists(mode).build());
    }

    /** Catalog GETs (every GET under /rest/) being handled right now, refused ones included. */
    public int inFlight() {
        return faults.inFlight();
    }

    /**
     * The most catalog GETs handled at once since start or {@link #resetPeakInFlight()}, including requests the
     * concurrency limit refused (so a client that sends too many at once shows it). A request leaves the count
     * before its answer is written, so a client that never has more than N requests open is never measured
     * above N.
     */
    public int peakInFlight() {
        return faults.peakInFlight();
    }

    /** Like {@link #peakInFlight()}, counting only requests admitted past {@link Faults#maxConcurrency()}. */
    public int peakAdmitted() {
        return faults.peakAdmitted();
    }

    /** Restarts both peaks from the number of requests in flight now. */
    public void resetPeakInFlight() {
        faults.resetPeaks();
    }

    /** How often each {@link Faults.Kind} was applied, keyed by its name; every kind is present. */
    public Map<String, Long> faultCounts() {
        return faults.counts();
    }

    public void resetFaultCounts() {
        faults.resetCounts();
    }

    /**
     * Plays the admin clicking "Activate" (or "Reauthorize") on the integration: POSTs oauth_consumer_key,
     * oauth_consumer_secret, store_base_url and a fresh oauth_verifier to the Callback URL and starts the
     * consumer key's validity period for the token exchange.
     *
     * @return the status code the callback answered
     * @throws UncheckedIOException when the callback cannot be reached within 5 s
     */
    public int activateIntegration(URI callbackUrl) {
        try {
            return new IntegrationActivation().post(callbackUrl, integration, baseUrl() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("Activate: POST " + callbackUrl + " failed: " + e, e);
        }
    }

    /**
     * Plays the merchant ticking this resource in the integration's Resource Access tree and saving: requests
     * arriving from now on, by integration token (Bearer) or OAuth signature, hold it. Admin tokens hold every
     * resource anyway, and an {@link SandboxOptions#authenticator() authenticator of the options} decides on its own.
     * Thread-safe.
     */
    public void grant(String aclResource) {
        grants.grant(aclResource);
    }

    /** The opposite of {@link #grant(String)}: requests arriving from now on are refused the resource (401). */
    public void revoke(String aclResource) {
        grants.revoke(aclResource);
    }

    /** The integration's resources now: {@link SandboxOptions#grantedResources()} changed by grant and revoke. */
    public Set<String> grantedResources() {
        return grants.current();
    }

    /** The code the admin user's Google Authenticator shows now; null when 2FA is off. For tests and demos. */
    public String currentAdminOtp() {
        return adminAccounts.currentOtp();
    }

    /** Stops listening: new connections are refused. Data, log and scenario are kept. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port after {@link #stop()}; does nothing if already listening. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (server == null) {
            listen();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        stop();
        closed = true;
        executor.shutdownNow();
    }

    private synchronized void listen() {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            HttpServer created;
            if (options.tlsKeystore() == null) {
                created = HttpServer.create(address, 64);
            } else {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
                created = https;
            }
            created.createContext("/", handler);
            created.setExecutor(executor);
            created.start();
            server = created;
            port = created.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(options.tlsKeystore())) {
            char[] password = options.tlsKeystorePassword() == null ? new char[0] : options.tlsKeystorePassword().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sandbox: cannot load the TLS keystore " + options.tlsKeystore() + ": " + e, e);
        }
    }

    private static ExecutorService executor() {
        AtomicInteger count = new AtomicInteger();
        // Bounded like a PHP-FPM pool: beyond the queue, callers get a refusal instead of unbounded memory use.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "sandbox-store-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Standalone store for the demo. Arguments (or system properties sandbox.*): --port=8080
     * --products=1000 --seed=42 --token=sandbox-token --latency=0 --offsetCost=0 (µs per skipped row) --maxPageSize=300
     * --gzip=true (false: the web server never compresses), and faults: --rate429=0 --rate503=0 --rate500=0
     * --rateTruncated=0 --maxConcurrency=0 --jitter=0 --faultSeed=42, and storefront data:
     * --storefront=full|defaults --inventoryModules=true --renderInfo=true --storeRoutes=true, and the integration's
     * grants: --grants=all|setup-guide|resource,resource... Prints the base URL and runs until killed.
     */
    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options = SandboxMain.parse(args);
        SandboxStore store = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "sandbox-store-shutdown"));
        System.out.println(store.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
