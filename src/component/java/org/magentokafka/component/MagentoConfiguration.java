package org.magentokafka.component;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.auth.SignatureMethod;
import org.magentokafka.component.OptionValues.Range;
import org.magentokafka.consumer.StreamSettings;
import org.magentokafka.paging.Paging;
import org.magentokafka.paging.SearchCriteria;

/**
 * Options shared by all endpoints of the component (the store and its credentials) and tunable per endpoint.
 * The component holds one instance and copies it for each endpoint.
 */
// Options have their real types. Set from text (URI, component property, environment), durations and enums are read
// by OptionValues (ParsingConfigurer): Camel's own converter reads "5S" or "-5s" as zero.
@UriParams
public class MagentoConfiguration implements Cloneable, StreamSettings {

    /** Magento's default maximum searchCriteria page size (a larger one is refused with 400). */
    public static final int MAX_PAGE_SIZE = SearchCriteria.MAX_PAGE_SIZE;

    /**
     * What a number option accepts beyond its type, checked by the endpoint when it starts and by the application
     * before Camel starts (OptionValues). An option without an entry accepts any value of its type.
     */
    static final Map<String, Range> RANGES = Map.of(
            "pageSize", new Range(1, MAX_PAGE_SIZE, " (Magento refuses pages over 300)"),
            "maxConcurrency", Range.of(1, 1_000),
            "maxRetries", Range.of(0, 1_000),
            "proxyPort", Range.of(0, 65_535),
            "maxRequestsPerSecond", Range.atLeast(0, " (0 = no limit)"),
            "scanBudget", Range.atLeast(0, " (0 = no budget: scans run at full speed)"),
            "scanPageSize", new Range(1, MAX_PAGE_SIZE, " (Magento refuses pages over 300)"));

    // Not required in the URI: usually set once on the component (magento.base-url); checked when an endpoint is created.
    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "common", defaultValue = "/rest")
    private String restPath = "/rest";
    @UriParam(label = "common", defaultValue = "default")
    private String storeCodes = "default";
    @UriParam(label = "security", defaultValue = "bearer", enums = "bearer,oauth1,admin,handshake,none")
    private AuthMode authMode = AuthMode.BEARER;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "security", secret = true)
    private String accessTokenSecret;
    @UriParam(label = "security", secret = true)
    private String consumerKey;
    @UriParam(label = "security", secret = true)
    private String consumerSecret;
    @UriParam(label = "security", defaultValue = "HMAC-SHA256", enums = "HMAC-SHA256,HMAC-SHA1")
    private SignatureMethod signatureMethod = SignatureMethod.HMAC_SHA256;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security", secret = true)
    private String totpSecret;
    @UriParam(label = "security", defaultValue = "4h")
    private Duration tokenLifetime = Duration.ofHours(4);
    @UriParam(label = "security", defaultValue = "state/magento-oauth.properties")
    private String credentialsFile = "state/magento-oauth.properties";
    @UriParam(label = "security")
    private String callbackUrl;
    @UriParam(label = "common", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxConcurrency = 4;
    @UriParam(label = "advanced", defaultValue = "0")
    private double maxRequestsPerSecond;
    @UriParam(label = "advanced", defaultValue = "0.2")
    private double scanBudget = 0.2;
    @UriParam(label = "advanced", defaultValue = "300")
    private int scanPageSize = MAX_PAGE_SIZE;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "500ms")
    private Duration retryBaseDelay = Duration.ofMillis(500);
    @UriParam(label = "advanced", defaultValue = "30s")
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private int proxyPort;
    @UriParam(label = "security")
    private String truststore;
    @UriParam(label = "security", secret = true)
    private String truststorePassword;
    @UriParam(label = "security", defaultValue = "PKCS12")
    private String truststoreType = "PKCS12";
    @UriParam(label = "advanced", defaultValue = "10s")
    private Duration connectTimeout = Duration.ofSeconds(10);
    @UriParam(label = "advanced", defaultValue = "60s")
    private Duration readTimeout = Duration.ofSeconds(60);
    @UriParam(label = "advanced", defaultValue = "67108864")
    private long maxResponseBytes = 64L * 1024 * 1024;
    @UriParam(label = "consumer", defaultValue = "6s")
    private Duration pollInterval = Duration.ofSeconds(6);
    @UriParam(label = "consumer", defaultValue = "5m")
    private Duration errorBackoffMax = Duration.ofMinutes(5);
    @UriParam(label = "consumer", defaultValue = "state")
    private String stateDirectory = "state";
    @UriParam(label = "consumer", defaultValue = "file", enums = "file,kafka")
    private String stateStore = "file";
    @UriParam(label = "consumer", defaultValue = "magento.connector-state")
    private String stateTopic = "magento.connector-state";
    @UriParam(label = "consumer")
    private String stateKafkaBootstrapServers;
    @UriParam(label = "consumer", defaultValue = "60s")
    private Duration watermarkOverlap = Duration.ofSeconds(60);
    @UriParam(label = "consumer", defaultValue = "2s")
    private Duration watermarkSlack = Duration.ofSeconds(2);
    @UriParam(label = "consumer", defaultValue = "1h")
    private Duration reconcileInterval = Duration.ofHours(1);
    @UriParam(label = "consumer", defaultValue = "1m")
    private Duration pricePassCheckInterval = Duration.ofMinutes(1);
    @UriParam(label = "producer", defaultValue = "15m")
    private Duration metadataRefresh = Duration.ofMinutes(15);
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean prefetchInventory;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean salableScan = true;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean prefetchStorefront;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean stockIndex = true;
    @UriParam(label = "consumer", defaultValue = "1m")
    private Duration stockIndexInterval = Duration.ofMinutes(1);
    @UriParam(label = "consumer", defaultValue = "1h")
    private Duration sourceItemsPause = Duration.ofHours(1);
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean orderSignals;
    @UriParam(label = "consumer", defaultValue = "5m")
    private Duration creditMemoInterval = Duration.ofMinutes(5);
    @UriParam(label = "consumer", defaultValue = "page-number", enums = "page-number,keyset")
    private Paging paging = Paging.PAGE_NUMBER;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The store URL as the merchant gives it, without /rest, e.g. https://www.yourstore.com. Required, on the URI or
     * on the component.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getRestPath() {
        return restPath;
    }

    /**
     * Path of the REST API below the store URL: /rest, or /index.php/rest for stores without URL rewrites.
     */
    public void setRestPath(String restPath) {
        this.restPath = restPath;
    }

    public String getStoreCodes() {
        return storeCodes;
    }

    /**
     * Comma-separated store view codes to read (each one's REST path is /rest/code/V1/...); default is the default
     * store view. Store-scoped streams (products, categories, attributes) are read once per store view.
     */
    public void setStoreCodes(String storeCodes) {
        this.storeCodes = storeCodes;
    }

    public AuthMode getAuthMode() {
        return authMode;
    }

    /**
     * How the connector authenticates: bearer (integration access token as Authorization: Bearer), oauth1 (requests
     * signed with the integration's four credentials), admin (an admin user's token, renewed; TOTP for 2FA),
     * handshake (the integration's Activate hands the credentials over) or none (no credentials: what the store
     * serves to guests with Allow Anonymous Guest Access on).
     */
    public void setAuthMode(AuthMode authMode) {
        this.authMode = authMode;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * The integration's Access Token (shown on Activate under System, Extensions, Integrations).
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getAccessTokenSecret() {
        return accessTokenSecret;
    }

    /**
     * The integration's Access Token Secret (oauth1).
     */
    public void setAccessTokenSecret(String accessTokenSecret) {
        this.accessTokenSecret = accessTokenSecret;
    }

    public String getConsumerKey() {
        return consumerKey;
    }

    /**
     * The integration's Consumer Key (oauth1).
     */
    public void setConsumerKey(String consumerKey) {
        this.consumerKey = consumerKey;
    }

    public String getConsumerSecret() {
        return consumerSecret;
    }

    /**
     * The integration's Consumer Secret (oauth1).
     */
    public void setConsumerSecret(String consumerSecret) {
        this.consumerSecret = consumerSecret;
    }

    public SignatureMethod getSignatureMethod() {
        return signatureMethod;
    }

    /**
     * OAuth 1.0a signature method: HMAC-SHA256 (default; the only one newer Magento versions accept) or HMAC-SHA1.
     */
    public void setSignatureMethod(SignatureMethod signatureMethod) {
        this.signatureMethod = signatureMethod;
    }

    public String getUsername() {
        return username;
    }

    /**
     * Admin user name (admin mode).
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * Admin user password (admin mode). Never retried when refused: 6 failures lock the account for 30 minutes.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    /**
     * Base32 secret of the admin user's Google Authenticator (admin mode with two-factor authentication).
     */
    public void setTotpSecret(String totpSecret) {
        this.totpSecret = totpSecret;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    /**
     * Lifetime of an admin token (Magento's default is 4 hours); the connector renews it before it ends.
     */
    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public String getCredentialsFile() {
        return credentialsFile;
    }

    /**
     * Where the handshake stores the four OAuth credentials it received (readable only by the connector's user).
     */
    public void setCredentialsFile(String credentialsFile) {
        this.credentialsFile = credentialsFile;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    /**
     * The Callback URL to enter in the integration (handshake mode), shown in messages while waiting for Activate.
     */
    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * Items per searchCriteria page, 1 to 300 (Magento's default maximum). Always sent: without it Magento
     * returns the whole collection in one response.
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    /**
     * Most requests in flight to this store at once, shared by all streams and look-ups of the store.
     */
    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    /**
     * Most requests started per second to this store, all streams together; 0 for no limit.
     */
    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    public double getScanBudget() {
        return scanBudget;
    }

    /**
     * Requests per second that all scans of this store share (streams read as whole snapshots: source items,
     * attribute metadata, and the keys-only reconcile sweep), so a scan spreads its pages over its cycle; 0 for no
     * budget (scans run at full speed). A store view's first sync is never paced.
     */
    public void setScanBudget(double scanBudget) {
        this.scanBudget = scanBudget;
    }

    public int getScanPageSize() {
        return scanPageSize;
    }

    /**
     * Items per page of every scan, 1 to 300, including the keys-only reconcile sweep: with a request budget, the
     * larger the page the shorter the cycle.
     */
    public void setScanPageSize(int scanPageSize) {
        this.scanPageSize = scanPageSize;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a request is sent again after a retryable failure (429, 503, other 5xx, I/O errors, truncated
     * or malformed bodies) before its page fails the poll.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRetryBaseDelay() {
        return retryBaseDelay;
    }

    /**
     * First wait before a retry without Retry-After; doubled per retry, with jitter.
     */
    public void setRetryBaseDelay(Duration retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * Longest wait before a retry, also caps the store's Retry-After.
     */
    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP(S) proxy host for reaching the store; empty for a direct connection.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP(S) proxy port.
     */
    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getTruststore() {
        return truststore;
    }

    /**
     * Path of a truststore with the CA certificates to trust for the store (a corporate CA); certificates are
     * always verified.
     */
    public void setTruststore(String truststore) {
        this.truststore = truststore;
    }

    public String getTruststorePassword() {
        return truststorePassword;
    }

    /**
     * Password of the truststore.
     */
    public void setTruststorePassword(String truststorePassword) {
        this.truststorePassword = truststorePassword;
    }

    public String getTruststoreType() {
        return truststoreType;
    }

    /**
     * Truststore type: PKCS12 or JKS.
     */
    public void setTruststoreType(String truststoreType) {
        this.truststoreType = truststoreType;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a TCP/TLS connection to the store, e.g. 10s.
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * How long one request may take until its whole answer arrived, e.g. 60s.
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * The largest answer read from the store, in bytes, on the wire and once gzip-decoded (64 MiB, far above the
     * largest real page): a larger one (a broken proxy, a gzip bomb) is refused with one line and retried like a
     * truncated body, instead of exhausting the heap.
     */
    public void setMaxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    /**
     * Time between the end of one poll and the start of the next, e.g. 30s, 5m or PT1M; for a scan (source items,
     * attribute metadata) the least pause between two cycles. Takes precedence over the scheduler's delay option.
     */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getErrorBackoffMax() {
        return errorBackoffMax;
    }

    /**
     * After a failed poll the next one waits the poll interval, doubled for each further consecutive failure, up
     * to this ceiling.
     */
    public void setErrorBackoffMax(Duration errorBackoffMax) {
        this.errorBackoffMax = errorBackoffMax;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    /**
     * Directory of the change-detection state (a content hash per key and the watermark per stream and store view).
     * Must survive restarts: deleting it makes the next sync publish every item again as created.
     */
    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public String getStateStore() {
        return stateStore;
    }

    /**
     * Where the change-detection state lives: file (a local directory, needs a volume) or kafka (a
     * compacted topic, read back at the first poll: for stateless pods).
     */
    public void setStateStore(String stateStore) {
        this.stateStore = stateStore;
    }

    public String getStateTopic() {
        return stateTopic;
    }

    /**
     * The compacted topic of the Kafka state store.
     */
    public void setStateTopic(String stateTopic) {
        this.stateTopic = stateTopic;
    }

    public String getStateKafkaBootstrapServers() {
        return stateKafkaBootstrapServers;
    }

    /**
     * Kafka bootstrap servers of the Kafka state store.
     */
    public void setStateKafkaBootstrapServers(String stateKafkaBootstrapServers) {
        this.stateKafkaBootstrapServers = stateKafkaBootstrapServers;
    }

    public Duration getWatermarkOverlap() {
        return watermarkOverlap;
    }

    /**
     * How late a save may commit after its updated_at and still be found: each incremental poll also reads again
     * the window a poll read this long before (steady polls read from the watermark minus watermarkSlack);
     * unchanged rows produce no event. A full pass also sets the watermark no later than its start minus the
     * overlap.
     */
    public void setWatermarkOverlap(Duration watermarkOverlap) {
        this.watermarkOverlap = watermarkOverlap;
    }

    public Duration getWatermarkSlack() {
        return watermarkSlack;
    }

    /**
     * Steady incremental polls ask for rows changed since the watermark minus this slack: rows of the watermark's
     * second written after it was read. Saves that commit later are found by the catch-up (watermarkOverlap).
     */
    public void setWatermarkSlack(Duration watermarkSlack) {
        this.watermarkSlack = watermarkSlack;
    }

    public Duration getReconcileInterval() {
        return reconcileInterval;
    }

    /**
     * How often a timestamped stream lists all keys (the cheapest query) to find deleted items and publish their
     * tombstones.
     */
    public void setReconcileInterval(Duration reconcileInterval) {
        this.reconcileInterval = reconcileInterval;
    }

    public Duration getPricePassCheckInterval() {
        return pricePassCheckInterval;
    }

    /**
     * How often the products stream's price pass looks at each store view's clock: right after a store view's
     * midnight it publishes again the products whose special price window opened or closed that day (a scan
     * within scanBudget, a few requests a day). A shorter interval only makes it notice midnight sooner.
     */
    public void setPricePassCheckInterval(Duration pricePassCheckInterval) {
        this.pricePassCheckInterval = pricePassCheckInterval;
    }

    public Duration getMetadataRefresh() {
        return metadataRefresh;
    }

    /**
     * How long attribute metadata, category trees and store view scopes used for enrichment are reused before being
     * fetched again (they are also refreshed as soon as their own stream sees a change). Optional parts the store
     * refused or lacked are asked again at this interval, so a grant added later is picked up without a restart.
     */
    public void setMetadataRefresh(Duration metadataRefresh) {
        this.metadataRefresh = metadataRefresh;
    }

    public Paging getPaging() {
        return paging;
    }

    /**
     * How full passes walk a collection: page-number (pages fetched in parallel once page 1 gave
     * total_count) or keyset (id greater than the last seen, sorted by id, page 1; the id range split into
     * one sub-range per concurrent request). Keyset avoids MySQL's deep OFFSET cost and rows shifting between pages
     * of a changing catalog; source items have no id and always use page numbers. Incremental polls use page numbers.
     */
    public void setPaging(Paging paging) {
        this.paging = paging;
    }

    public boolean isPrefetchInventory() {
        return prefetchInventory;
    }

    /**
     * Products consumer only: start each page's stock look-up (magento:source-items) as soon as the page
     * arrives, in parallel with the next pages, for a route that enriches products with inventory.
     */
    public void setPrefetchInventory(boolean prefetchInventory) {
        this.prefetchInventory = prefetchInventory;
    }

    public boolean isSalableScan() {
        return salableScan;
    }

    /**
     * Products consumer only: scan each read website's salable quantities (export-stock-salable-qty, within the
     * scan budget) and publish again the products whose salable state changed (orders move it without touching
     * products or source items). Not for guests, who are never shown salable quantities.
     */
    public void setSalableScan(boolean salableScan) {
        this.salableScan = salableScan;
    }

    public boolean isStockIndex() {
        return stockIndex;
    }

    /**
     * Products consumer only: read each read website's whole stock index in one request per cycle
     * (dump-stock-index-data, within the scan budget; needs Magento_InventoryApi::stock and the inventory modules)
     * and publish again the products whose quantity or salable flag moved. Without it (or without the grant or
     * module) stock changes are found by the paced scans only.
     */
    public void setStockIndex(boolean stockIndex) {
        this.stockIndex = stockIndex;
    }

    public Duration getStockIndexInterval() {
        return stockIndexInterval;
    }

    /** The pause between two stock index cycles: a source-level stock change reaches Kafka within about this. */
    public void setStockIndexInterval(Duration stockIndexInterval) {
        this.stockIndexInterval = stockIndexInterval;
    }

    public Duration getSourceItemsPause() {
        return sourceItemsPause;
    }

    /**
     * Source items, while the products' stock index serves the store: the pause between two full scan cycles, which
     * then reconcile what the index cannot show (moves between two sources of one stock); the SKUs the index saw
     * change are read at each poll in between.
     */
    public void setSourceItemsPause(Duration sourceItemsPause) {
        this.sourceItemsPause = sourceItemsPause;
    }

    public boolean isOrderSignals() {
        return orderSignals;
    }

    /**
     * Products consumer only: at each products poll read the orders changed since the last one (and the credit
     * memos, every creditMemoInterval), projected to their ids, dates and item SKUs (never a customer field), and
     * publish those products again with their salable state. Off by default: it needs a sales grant
     * (Magento_Sales::actions_view, Magento_Sales::sales_creditmemo).
     */
    public void setOrderSignals(boolean orderSignals) {
        this.orderSignals = orderSignals;
    }

    public Duration getCreditMemoInterval() {
        return creditMemoInterval;
    }

    /** With orderSignals: how often the credit memos (returns to stock) are read. */
    public void setCreditMemoInterval(Duration creditMemoInterval) {
        this.creditMemoInterval = creditMemoInterval;
    }

    public boolean isPrefetchStorefront() {
        return prefetchStorefront;
    }

    /**
     * Products consumer only: start each page's storefront look-ups (magento:products: children, salable
     * quantities, products-render-info, in the page's store view) as soon as the page arrives, in parallel with the
     * next pages, for a route that enriches products for the storefront.
     */
    public void setPrefetchStorefront(boolean prefetchStorefront) {
        this.prefetchStorefront = prefetchStorefront;
    }

    public MagentoConfiguration copy() {
        try {
            return (MagentoConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // Never print credentials.
        return "MagentoConfiguration[baseUrl=" + baseUrl + ", restPath=" + restPath + ", storeCodes=" + storeCodes
               + ", authMode=" + authMode + ", pageSize=" + pageSize + "]";
    }
}
