package org.magentokafka.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fault injection for the sandbox store: what goes wrong, how often, and on which products.
 * Immutable; build with {@link #builder()}, start from {@link #none()} (the default: nothing goes wrong).
 * Set at start with {@link SandboxOptions.Builder#faults(Faults)} and at runtime with
 * {@link SandboxStore#setFaults(Faults)}.
 *
 * <h2>Which requests</h2>
 * Transport faults (latency, 429, 503, 500, truncation, the concurrency limit) apply to every GET under
 * {@code /rest/} or {@code /index.php/rest/}, whatever the route; never to POSTs (admin token, 2FA, OAuth
 * token endpoints) or to paths outside the REST area. Bad-data modes apply to {@code GET /V1/products}
 * and {@code GET /V1/products/{sku}} in every store view.
 *
 * <h2>Order, one request</h2>
 * <ol>
 *   <li>{@link #maxConcurrency()}: a request arriving while that many are already admitted is refused at
 *       once with {@link Kind#CONCURRENCY_429} (no latency).</li>
 *   <li>{@link #latencyMillis()} + a uniform draw in [0, {@link #latencyJitterMillis()}] of sleep.</li>
 *   <li>Front layers, before routing and authentication: {@link Kind#RATE_429}, then
 *       {@link Kind#HTML_503}. They win over the {@link Scenario}.</li>
 *   <li>Magento answers normally. Only a 200 can then be replaced: by {@link Kind#ERROR_500}, else by
 *       {@link Kind#TRUNCATED}. A 401/404/400 stays what it is and counts no fault.</li>
 *   <li>The web server compresses the answer when the client asks for gzip ({@link SandboxOptions#gzip()}); a
 *       truncation cuts the bytes on the wire, so a compressed answer arrives as a cut gzip stream.</li>
 * </ol>
 * Each kind has its own independent draw per request, so a rate is the chance that kind fires when nothing
 * earlier in the order fired. A retry is a new request with new draws: below rate 1.0 nothing is refused
 * forever.
 *
 * <h2>Determinism</h2>
 * The draws of the n-th faultable request (counted from store start or from the last
 * {@link SandboxStore#setFaults(Faults)}, which resets the count) are a pure function of ({@link #seed()},
 * n). Sequential requests therefore see the same faults on every run; parallel ones see the same multiset
 * of decisions, assigned in arrival order.
 *
 * <h2>Answers and bad data</h2>
 * What each transport fault answers is described on {@link FaultPlan}, which builds those answers; what each
 * bad-data mode changes in an answer on {@link BadData}, which applies them.
 */
public final class Faults {

    /** What {@link SandboxStore#faultCounts()} counts; the keys of that map are these names. */
    public enum Kind {
        /** Refused because {@link #maxConcurrency()} requests were already admitted. */
        CONCURRENCY_429,
        /** Delayed by latency (fixed and/or jitter &gt; 0). Not listed in {@link LoggedRequest#faults()}. */
        LATENCY,
        RATE_429,
        HTML_503,
        ERROR_500,
        TRUNCATED,
        /** One per product item sent with a wrong-typed custom attribute. */
        WRONG_TYPE_ATTRIBUTE,
        /** One per product item sent with numbers as strings. */
        NUMBERS_AS_STRINGS,
        /** One per product item sent without sku. */
        MISSING_SKU,
        /** One per repeated product item. */
        DUPLICATE_ACROSS_PAGES,
        /** One per list answer whose total_count was changed. */
        TOTAL_COUNT_DRIFT,
        /** One per list answer rewritten by {@link #inconsistentLists()}. */
        INCONSISTENT_LIST
    }

    /** The shape a wrong-typed custom attribute value takes. */
    public enum WrongType { ARRAY, OBJECT }

    private static final Faults NONE = builder().build();

    private final TransportFaults transport;
    private final DataFaults data;

    private Faults(Builder b) {
        this.transport = new TransportFaults(b.latencyMillis, b.latencyJitterMillis, b.rate429, b.retryAfterSeconds,
                b.rateHtml503, b.retryAfterOn503, b.rate500, b.rateTruncated, b.maxConcurrency, b.seed);
        this.data = DataFaults.copyOf(b.wrongTypeAttributes, b.numbersAsStrings, b.missingSku,
                b.duplicateAcrossPages, b.totalCountDrift, b.inconsistentLists);
    }

    /** No faults at all: the default. */
    public static Faults none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().latencyMillis(latencyMillis()).latencyJitterMillis(latencyJitterMillis())
                .rate429(rate429()).retryAfterSeconds(retryAfterSeconds()).rateHtml503(rateHtml503())
                .rate500(rate500()).rateTruncated(rateTruncated()).maxConcurrency(maxConcurrency()).seed(seed())
                .totalCountDrift(totalCountDrift()).inconsistentLists(inconsistentLists());
        b.retryAfterOn503 = transport.retryAfterOn503();
        wrongTypeAttributes().forEach((sku, byCode) -> b.wrongTypeAttributes.put(sku, new LinkedHashMap<>(byCode)));
        b.numbersAsStrings.addAll(numbersAsStrings());
        b.missingSku.addAll(missingSku());
        b.duplicateAcrossPages.addAll(duplicateAcrossPages());
        return b;
    }

    public long latencyMillis() { return transport.latencyMillis(); }
    public long latencyJitterMillis() { return transport.latencyJitterMillis(); }
    public double rate429() { return transport.rate429(); }
    /** Retry-After of every 429 (rate and concurrency), in seconds; 0 allowed. */
    public int retryAfterSeconds() { return transport.retryAfterSeconds(); }
    public double rateHtml503() { return transport.rateHtml503(); }
    /** Retry-After of the 503 page, in seconds; empty (the default) sends no Retry-After. */
    public OptionalInt retryAfterOn503() {
        Integer seconds = transport.retryAfterOn503();
        return seconds == null ? OptionalInt.empty() : OptionalInt.of(seconds);
    }
    public double rate500() { return transport.rate500(); }
    public double rateTruncated() { return transport.rateTruncated(); }
    /** Most catalog GETs handled at once; 0 = unlimited. */
    public int maxConcurrency() { return transport.maxConcurrency(); }
    public long seed() { return transport.seed(); }
    /** Lower-case SKU → attribute code → shape. */
    public Map<String, Map<String, WrongType>> wrongTypeAttributes() { return data.wrongTypeAttributes(); }
    /** Lower-case SKUs. */
    public Set<String> numbersAsStrings() { return data.numbersAsStrings(); }
    /** Lower-case SKUs. */
    public Set<String> missingSku() { return data.missingSku(); }
    /** Lower-case SKUs. */
    public Set<String> duplicateAcrossPages() { return data.duplicateAcrossPages(); }
    public int totalCountDrift() { return data.totalCountDrift(); }
    /** How every list answer (all collections) is made inconsistent; {@link InconsistentLists#NONE} by default. */
    public InconsistentLists inconsistentLists() { return data.inconsistentLists(); }

    /** True when some product is sent wrong or total_count drifts. */
    public boolean hasBadData() {
        return data.hasBadData();
    }

    @Override
    public String toString() {
        return "Faults[latency=" + latencyMillis() + "+" + latencyJitterMillis() + "ms, 429=" + rate429()
                + " (Retry-After " + retryAfterSeconds() + "), 503=" + rateHtml503() + ", 500=" + rate500()
                + ", truncated=" + rateTruncated() + ", maxConcurrency=" + maxConcurrency() + ", seed=" + seed()
                + ", wrongType=" + wrongTypeAttributes() + ", numbersAsStrings=" + numbersAsStrings()
                + ", missingSku=" + missingSku() + ", duplicates=" + duplicateAcrossPages()
                + ", totalCountDrift=" + totalCountDrift() + ", inconsistentLists=" + inconsistentLists() + "]";
    }

    static String key(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    public static final class Builder {
        private long latencyMillis;
        private long latencyJitterMillis;
        private double rate429;
        private int retryAfterSeconds = 1;
        private double rateHtml503;
        private Integer retryAfterOn503;
        private double rate500;
        private double rateTruncated;
        private int maxConcurrency;
        private long seed = 42;
        private final Map<String, Map<String, WrongType>> wrongTypeAttributes = new LinkedHashMap<>();
        private final Set<String> numbersAsStrings = new TreeSet<>();
        private final Set<String> missingSku = new TreeSet<>();
        private final Set<String> duplicateAcrossPages = new TreeSet<>();
        private int totalCountDrift;
        private InconsistentLists inconsistentLists = InconsistentLists.NONE;

        private Builder() {
        }

        /** Fixed delay of every faultable request, default 0. */
        public Builder latencyMillis(long millis) {
            if (millis < 0) throw new IllegalArgumentException("latencyMillis " + millis);
            this.latencyMillis = millis;
            return this;
        }

        /** Extra delay drawn uniformly in [0, millis] per request, default 0. */
        public Builder latencyJitterMillis(long millis) {
            if (millis < 0) throw new IllegalArgumentException("latencyJitterMillis " + millis);
            this.latencyJitterMillis = millis;
            return this;
        }

        /** Share of requests a rate-limiting layer refuses with 429, 0..1, default 0. */
        public Builder rate429(double rate) {
            this.rate429 = rate(rate, "rate429");
            return this;
        }

        /** Retry-After of 429 answers, default 1; 0 allowed. */
        public Builder retryAfterSeconds(int seconds) {
            if (seconds < 0) throw new IllegalArgumentException("retryAfterSeconds " + seconds);
            this.retryAfterSeconds = seconds;
            return this;
        }

        /** Share of requests answered with the HTML 503 maintenance page, 0..1, default 0. */
        public Builder rateHtml503(double rate) {
            this.rateHtml503 = rate(rate, "rateHtml503");
            return this;
        }

        /** Sends Retry-After with the 503 page; by default there is none. */
        public Builder retryAfterOn503(int seconds) {
            if (seconds < 0) throw new IllegalArgumentException("retryAfterOn503 " + seconds);
            this.retryAfterOn503 = seconds;
            return this;
        }

        /** Sends no Retry-After with the 503 page (the default). */
        public Builder noRetryAfterOn503() {
            this.retryAfterOn503 = null;
            return this;
        }

        /** Share of otherwise successful requests answered with Magento's masked 500, 0..1, default 0. */
        public Builder rate500(double rate) {
            this.rate500 = rate(rate, "rate500");
            return this;
        }

        /** Share of otherwise successful requests whose body (gzip stream, if compressed) is cut in half, 0..1, default 0. */
        public Builder rateTruncated(double rate) {
            this.rateTruncated = rate(rate, "rateTruncated");
            return this;
        }

        /** Most catalog GETs admitted at once, beyond that 429 at once; 0 (default) = unlimited. */
        public Builder maxConcurrency(int max) {
            if (max < 0) throw new IllegalArgumentException("maxConcurrency " + max);
            this.maxConcurrency = max;
            return this;
        }

        /** Seed of the per-request draws, default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sends the product's custom attribute {@code attributeCode} with an array or object value. */
        public Builder customAttributeWrongType(String sku, String attributeCode, WrongType type) {
            Objects.requireNonNull(attributeCode);
            Objects.requireNonNull(type);
            wrongTypeAttributes.computeIfAbsent(key(sku), k -> new LinkedHashMap<>()).put(attributeCode, type);
            return this;
        }

        /** Sends these products with every top-level number as a string. */
        public Builder numbersAsStrings(String... skus) {
            for (String sku : skus) numbersAsStrings.add(key(sku));
            return this;
        }

        /** Sends these products without "sku". */
        public Builder missingSku(String... skus) {
            for (String sku : skus) missingSku.add(key(sku));
            return this;
        }

        /** Repeats these products at the start of the page after theirs. */
        public Builder duplicateAcrossPages(String... skus) {
            for (String sku : skus) duplicateAcrossPages.add(key(sku));
            return this;
        }

        /** Added to total_count on product list pages 2 and later; default 0; negative shrinks it. */
        public Builder totalCountDrift(int drift) {
            this.totalCountDrift = drift;
            return this;
        }

        /** Answers every list inconsistently in this way (schema-valid nonsense); NONE (default) turns it off. */
        public Builder inconsistentLists(InconsistentLists mode) {
            this.inconsistentLists = Objects.requireNonNull(mode);
            return this;
        }

        public Faults build() {
            return new Faults(this);
        }

        private static double rate(double rate, String name) {
            if (!(rate >= 0.0 && rate <= 1.0)) throw new IllegalArgumentException(name + " must be in 0..1, was " + rate);
            return rate;
        }
    }
}
