package org.magentokafka.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.nio.file.Path;

/**
 * How to build a sandbox store. Immutable; start from {@link #defaults()} or {@link #builder()}.
 * Defaults describe a healthy store an integration was correctly set up for.
 */
public final class SandboxOptions {

    /** The ACL resources behind the read-only endpoints the connector uses (docs/magento-rest-facts.md). */
    public static final Set<String> ALL_CATALOG_RESOURCES = Set.of(
            AclResources.PRODUCTS, AclResources.CATEGORIES, AclResources.CMS_PAGE,
            AclResources.INVENTORY_SOURCE, AclResources.ATTRIBUTES, AclResources.STORE, AclResources.INVENTORY_STOCK);

    /**
     * What an admin or an integration with Resource Access "All" holds: the catalog resources and the sales ones
     * (orders, credit memos), the default grant and the CLI's {@code --grants=all}.
     */
    public static final Set<String> ALL_RESOURCES = Set.of(
            AclResources.PRODUCTS, AclResources.CATEGORIES, AclResources.CMS_PAGE,
            AclResources.INVENTORY_SOURCE, AclResources.ATTRIBUTES, AclResources.STORE, AclResources.INVENTORY_STOCK,
            AclResources.SALES_ORDERS, AclResources.SALES_CREDIT_MEMOS);

    /**
     * What a site-search vendor's setup guide tells merchants to tick, and merchants follow word by word (see
     * docs/magento-rest-facts.md, "Grants and modules in the field"): Catalog > Inventory > Products and Categories,
     * Content > Elements > Pages, Stores > Inventory > Sources, Stores > Attributes > Product, Attribute Set, Ratings
     * and Swatches. Not Stores > Settings > All Stores ({@link AclResources#STORE}: store configs, websites, store
     * views) nor Stores > Inventory > Stocks ({@link AclResources#INVENTORY_STOCK}: stock resolver, salable
     * quantities), so a connector can be tested against a grant merchants really give.
     */
    public static final Set<String> SETUP_GUIDE_RESOURCES = Set.of(
            AclResources.PRODUCTS, AclResources.CATEGORIES, AclResources.CMS_PAGE, AclResources.INVENTORY_SOURCE,
            AclResources.ATTRIBUTES, AclResources.ATTRIBUTE_SETS, AclResources.RATINGS, AclResources.SWATCHES);

    private final int productCount;
    private final long seed;
    private final List<String> storeCodes;
    private final Clock clock;
    private final AccessOptions access;
    private final ServingOptions serving;
    private final StorefrontOptions storefront;

    private SandboxOptions(Builder b) {
        this.productCount = b.productCount;
        this.seed = b.seed;
        this.storeCodes = List.copyOf(b.storeCodes);
        this.clock = b.clock;
        this.access = new AccessOptions(b.accessToken, b.bearerAllowed, Set.copyOf(b.grantedResources),
                b.authenticator, b.oauthConsumerKey, b.oauthConsumerSecret, b.oauthAccessToken,
                b.oauthAccessTokenSecret, Set.copyOf(b.oauthSignatureMethods), b.consumerKeyLifetime,
                b.adminUsername, b.adminPassword, b.adminTotpSecret, b.adminTokenLifetime, b.anonymousGuestAccess);
        this.serving = new ServingOptions(b.port, b.host, b.tlsKeystore, b.tlsKeystorePassword, b.maxPageSize,
                b.latencyMillis, b.offsetCostMicros, b.faults, b.gzip);
        this.storefront = b.storefront;
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port()).productCount(productCount()).seed(seed()).accessToken(accessToken())
                .bearerAllowed(bearerAllowed()).grantedResources(grantedResources()).maxPageSize(maxPageSize())
                .storeCodes(storeCodes()).latencyMillis(latencyMillis()).offsetCostMicros(offsetCostMicros()).authenticator(authenticator()).clock(clock())
                .oauthConsumer(oauthConsumerKey(), oauthConsumerSecret()).oauthAccessToken(oauthAccessToken(), oauthAccessTokenSecret())
                .oauthSignatureMethods(oauthSignatureMethods()).consumerKeyLifetime(consumerKeyLifetime())
                .admin(adminUsername(), adminPassword()).adminTotpSecret(adminTotpSecret()).adminTokenLifetime(adminTokenLifetime())
                .faults(faults()).anonymousGuestAccess(anonymousGuestAccess()).tls(tlsKeystore(), tlsKeystorePassword()).host(host())
                .gzip(gzip())
                .storefront(storefront());
    }

    public int port() { return serving.port(); }
    public int productCount() { return productCount; }
    public long seed() { return seed; }
    public String accessToken() { return access.accessToken(); }
    public boolean bearerAllowed() { return access.bearerAllowed(); }
    /** The integration's resources when the store starts; {@link SandboxStore#grant(String)} changes the running store's. */
    public Set<String> grantedResources() { return access.grantedResources(); }
    public int maxPageSize() { return serving.maxPageSize(); }
    public List<String> storeCodes() { return storeCodes; }
    /** The store's response time: every answer leaves this long after its request arrived (its own work included). */
    public long latencyMillis() { return serving.latencyMillis(); }
    /** Extra time per row a page skips (currentPage > 1): MySQL reads and discards the OFFSET rows. */
    public long offsetCostMicros() { return serving.offsetCostMicros(); }
    /** The authenticator to use; null means a bearer-token one built from the other options. */
    public RequestAuthenticator authenticator() { return access.authenticator(); }
    public Clock clock() { return clock; }
    public String oauthConsumerKey() { return access.oauthConsumerKey(); }
    public String oauthConsumerSecret() { return access.oauthConsumerSecret(); }
    public String oauthAccessToken() { return access.oauthAccessToken(); }
    public String oauthAccessTokenSecret() { return access.oauthAccessTokenSecret(); }
    public Set<String> oauthSignatureMethods() { return access.oauthSignatureMethods(); }
    public Duration consumerKeyLifetime() { return access.consumerKeyLifetime(); }
    public String adminUsername() { return access.adminUsername(); }
    public String adminPassword() { return access.adminPassword(); }
    /** Base32 Google Authenticator secret of the admin user; null when two-factor auth is off. */
    public String adminTotpSecret() { return access.adminTotpSecret(); }
    public Duration adminTokenLifetime() { return access.adminTokenLifetime(); }
    /** Faults injected from the start; {@link Faults#none()} by default. */
    public Faults faults() { return serving.faults(); }
    /** Magento's Allow Anonymous Guest Access (webapi/webapisecurity/allow_insecure); off by default, as in Magento. */
    public boolean anonymousGuestAccess() { return access.anonymousGuestAccess(); }
    /** PKCS12 keystore with the store's certificate and key: the store answers HTTPS only; null for plain HTTP. */
    public Path tlsKeystore() { return serving.tlsKeystore(); }
    public String tlsKeystorePassword() { return serving.tlsKeystorePassword(); }
    /** The host name in {@link SandboxStore#baseUrl()}; the server itself always listens on 127.0.0.1. */
    public String host() { return serving.host(); }
    /**
     * Whether the web server in front of the store compresses answers of 1 KiB or more for clients that accept
     * gzip (true by default, as nginx with Magento's sample configuration does).
     */
    public boolean gzip() { return serving.gzip(); }
    /** Websites, configurables with children, inventory and render-info modules: {@link StorefrontOptions}. */
    public StorefrontOptions storefront() { return storefront; }

    public static final class Builder {
        private int port = 0;
        private int productCount = 1000;
        private long seed = 42;
        private String accessToken = "sandbox-token";
        private boolean bearerAllowed = true;
        private Set<String> grantedResources = ALL_RESOURCES;
        private int maxPageSize = 300;
        private List<String> storeCodes = List.of("default", "fr");
        private long latencyMillis = 0;
        private long offsetCostMicros = 0;
        private RequestAuthenticator authenticator;
        private Clock clock = Clock.systemUTC();
        // Magento's consumer keys, secrets and tokens are 32 characters; it refuses other lengths.
        private String oauthConsumerKey = "sandboxconsumerkey00000000000001";
        private String oauthConsumerSecret = "sandboxconsumersecret00000000001";
        private String oauthAccessToken = "sandboxaccesstoken00000000000001";
        private String oauthAccessTokenSecret = "sandboxaccesssecret0000000000001";
        private Set<String> oauthSignatureMethods = Set.of("HMAC-SHA256", "HMAC-SHA1");
        private Duration consumerKeyLifetime = Duration.ofSeconds(300);
        private String adminUsername = "admin";
        private String adminPassword = "sandbox-admin-123";
        private String adminTotpSecret;
        private Duration adminTokenLifetime = Duration.ofHours(4);
        private Faults faults = Faults.none();
        private boolean anonymousGuestAccess;
        private Path tlsKeystore;
        private String tlsKeystorePassword;
        private String host = "127.0.0.1";
        private boolean gzip = true;
        private StorefrontOptions storefront = StorefrontOptions.defaults();

        private Builder() {
        }

        /** The storefront data and modules (websites, configurables, inventory, render-info); see {@link StorefrontOptions}. */
        public Builder storefront(StorefrontOptions storefront) {
            this.storefront = Objects.requireNonNull(storefront);
            return this;
        }

        /**
         * Stores > Configuration > Services > Magento Web API > Web API Security > Allow Anonymous Guest Access: Yes
         * opens the catalog GETs Magento_WebapiSecurity lists (see {@code GuestAccess}) to callers without
         * credentials; No (the default) answers them 401 like any missing ACL resource.
         */
        public Builder anonymousGuestAccess(boolean allowed) {
            this.anonymousGuestAccess = allowed;
            return this;
        }

        /** Serves HTTPS with the certificate in this PKCS12 keystore (null: plain HTTP). */
        public Builder tls(Path keystore, String password) {
            this.tlsKeystore = keystore;
            this.tlsKeystorePassword = password;
            return this;
        }

        /**
         * The host name the store is known by (its certificate's name, e.g. one only a proxy resolves); the
         * server listens on 127.0.0.1 whatever it is.
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /**
         * False turns off the web server's gzip: every answer is sent as it is, whatever the client accepts (a
         * store whose nginx or Apache does not compress).
         */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** The integration's consumer key and secret, 32 characters each as Magento generates them. */
        public Builder oauthConsumer(String key, String secret) {
            this.oauthConsumerKey = Objects.requireNonNull(key);
            this.oauthConsumerSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** The integration's access token and secret (valid from the start, as after an earlier activation). */
        public Builder oauthAccessToken(String token, String secret) {
            this.oauthAccessToken = Objects.requireNonNull(token);
            this.oauthAccessTokenSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** Accepted oauth_signature_method values; recent 2.4 releases accept only HMAC-SHA256. */
        public Builder oauthSignatureMethods(Set<String> methods) {
            this.oauthSignatureMethods = Set.copyOf(methods);
            return this;
        }

        /** oauth/consumer/expiration_period: how long after Activate the token exchange may happen. */
        public Builder consumerKeyLifetime(Duration lifetime) {
            this.consumerKeyLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        public Builder admin(String username, String password) {
            this.adminUsername = Objects.requireNonNull(username);
            this.adminPassword = Objects.requireNonNull(password);
            return this;
        }

        /** A base32 secret turns on Magento_TwoFactorAuth with the google provider; null turns it off. */
        public Builder adminTotpSecret(String base32Secret) {
            this.adminTotpSecret = base32Secret;
            return this;
        }

        /** oauth/access_token_expiration_period/admin. */
        public Builder adminTokenLifetime(Duration lifetime) {
            this.adminTokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
            this.port = port;
            return this;
        }

        public Builder productCount(int productCount) {
            if (productCount < 0) throw new IllegalArgumentException("productCount " + productCount);
            this.productCount = productCount;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder accessToken(String accessToken) {
            this.accessToken = Objects.requireNonNull(accessToken);
            return this;
        }

        /** False reproduces a 2.4.4+ store without oauth/consumer/enable_integration_as_bearer. */
        public Builder bearerAllowed(boolean bearerAllowed) {
            this.bearerAllowed = bearerAllowed;
            return this;
        }

        /**
         * The ACL resources the integration was given in the admin when the store starts (default
         * {@link #ALL_RESOURCES}; {@link #SETUP_GUIDE_RESOURCES} for the usual partial grant). The running
         * store's change with {@link SandboxStore#grant(String)} and {@link SandboxStore#revoke(String)}.
         */
        public Builder grantedResources(Set<String> grantedResources) {
            this.grantedResources = Set.copyOf(grantedResources);
            return this;
        }

        /** webapi/validation/maximum_page_size; 0 disables the input limit. */
        public Builder maxPageSize(int maxPageSize) {
            if (maxPageSize < 0) throw new IllegalArgumentException("maxPageSize " + maxPageSize);
            this.maxPageSize = maxPageSize;
            return this;
        }

        /** Store view codes; "default" should stay first, it is the default store of the website. */
        public Builder storeCodes(List<String> storeCodes) {
            if (storeCodes.isEmpty()) throw new IllegalArgumentException("at least one store code");
            if (storeCodes.contains("all") || storeCodes.contains("admin")) {
                throw new IllegalArgumentException("'all' and 'admin' are reserved store codes");
            }
            this.storeCodes = List.copyOf(storeCodes);
            return this;
        }

        /**
         * Models MySQL's deep OFFSET: a page after {@code n} skipped rows answers {@code n x micros} later (0: off).
         * With 2 µs, page 1,000 of 100-item pages waits 200 ms more than page 1.
         */
        public Builder offsetCostMicros(long micros) {
            if (micros < 0) throw new IllegalArgumentException("offsetCostMicros " + micros);
            this.offsetCostMicros = micros;
            return this;
        }

        public Builder latencyMillis(long latencyMillis) {
            if (latencyMillis < 0) throw new IllegalArgumentException("latencyMillis " + latencyMillis);
            this.latencyMillis = latencyMillis;
            return this;
        }

        /** Replaces the bearer-token check, e.g. with an OAuth 1.0a signature check. */
        public Builder authenticator(RequestAuthenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** Clock for timestamps written by mutations, so change-detection tests can control time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Faults in force from the start; change them later with {@link SandboxStore#setFaults(Faults)}. */
        public Builder faults(Faults faults) {
            this.faults = Objects.requireNonNull(faults);
            return this;
        }

        /** Shorthand for {@link Faults.Builder#inconsistentLists} on the faults set so far. */
        public Builder inconsistentLists(InconsistentLists mode) {
            this.faults = faults.toBuilder().inconsistentLists(mode).build();
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(this);
        }
    }
}
