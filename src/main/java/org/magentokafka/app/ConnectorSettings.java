package org.magentokafka.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.magentokafka.auth.AuthMode;
import org.magentokafka.auth.SignatureMethod;
import org.magentokafka.stream.MagentoStream;
import org.magentokafka.component.MagentoConfiguration;
import org.magentokafka.component.OptionValues.Range;
import org.magentokafka.events.StoreTopics;

/**
 * The application's own settings, typed, read once before Camel starts ({@link ConfigurationGuard} builds and
 * checks them, then offers them as a bean): what the application classes read instead of the raw configuration.
 * The component's options reach the component through the aliases of {@code application.properties}
 * ({@code camel.component.magento.*}); where the application needs one too (the store URL, the auth mode) it is read
 * here with the component's rules.
 *
 * @param streams every stream's settings; page size and poll interval reach the routes as placeholders and are
 *                read here to check them
 */
public record ConnectorSettings(String baseUrl, AuthMode authMode, SignatureMethod signatureMethod, String credentialsFile,
                                List<String> storeCodes, boolean checkOnly, Map<MagentoStream, StreamSettings> streams,
                                String deadLetterTopic, String compression, int topicPartitions, short topicReplication,
                                boolean haEnabled, String haGroup, String haLeaseTopic, Duration haLeaseTime,
                                int healthMaxFailedPolls, Duration healthStaleAfter, int healthMaxFreshnessCycles,
                                ScanBudget scanBudget) {

    /**
     * The store's scan budget as the connection check states it: requests per second shared by all scans
     * ({@code magento.scan-budget}, 0 = scans not paced) and rows per scan page ({@code magento.scan-page-size}).
     */
    public record ScanBudget(double requestsPerSecond, int pageSize) {
    }

    /** One stream's settings (magento.streams.&lt;stream&gt;.*). */
    public record StreamSettings(boolean enabled, String topic, int pageSize, Duration pollInterval) {
    }

    private static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");

    /** Reads every setting; an invalid one is reported by {@code reader} and left at a neutral value here. */
    static ConnectorSettings read(SettingsReader r) {
        r.option("magento.page-size", "pageSize", Integer.class, null);
        r.option("magento.poll-interval", "pollInterval", Duration.class, null);
        int maxFailedPolls = r.integer("magento.health.max-failed-polls", Range.of(1, 1_000_000), 3);
        Duration staleAfter = r.duration("magento.health.stale-after");
        int maxFreshnessCycles = r.integer("magento.health.max-freshness-cycles", Range.of(1, 1_000_000), 3);
        Duration leaseTime = r.duration("magento.ha.lease-time");
        String compression = r.oneOf("magento.kafka.compression", COMPRESSIONS, "is not a Kafka compression: use none, gzip, lz4 or zstd");
        int partitions = r.integer("magento.kafka.topic.partitions", Range.of(1, 100_000), 1);
        int replication = r.integer("magento.kafka.topic.replication-factor", Range.of(-1, Short.MAX_VALUE), -1);
        AuthMode authMode = r.option("magento.auth.mode", "authMode", AuthMode.class, AuthMode.BEARER);
        SignatureMethod signature = r.option("magento.auth.signature-method", "signatureMethod", SignatureMethod.class,
                SignatureMethod.HMAC_SHA256);
        Map<MagentoStream, StreamSettings> streams = new EnumMap<>(MagentoStream.class);
        for (MagentoStream stream : MagentoStream.values()) {
            String prefix = "magento.streams." + stream.uriName() + ".";
            // A value taken over from the global property (${magento.page-size}) was checked there: one line per value.
            Integer pageSize = r.inherited(prefix + "page-size", "pageSize", Integer.class, 100);
            Duration pollInterval = r.inherited(prefix + "poll-interval", "pollInterval", Duration.class, null);
            Boolean enabled = r.inherited(prefix + "enabled", null, Boolean.class, true);
            streams.put(stream, new StreamSettings(enabled, r.text(prefix + "topic"), pageSize, pollInterval));
        }
        return new ConnectorSettings(r.text("magento.base-url"), authMode, signature, r.text("magento.auth.credentials-file"),
                codes(r.text("magento.store-codes")), lenientFlag(r.text("magento.check-only")), streams,
                r.text("magento.topic.dead-letter"), compression, partitions, (short) replication,
                lenientFlag(r.text("magento.ha.enabled")), r.text("magento.ha.group"), r.text("magento.ha.lease-topic"),
                leaseTime, maxFailedPolls, staleAfter, maxFreshnessCycles, scanBudget(r));
    }

    /** The scan budget as the connection check states it; the component options' types and ranges apply. */
    private static ScanBudget scanBudget(SettingsReader r) {
        Double budget = r.option("magento.scan-budget", "scanBudget", Double.class, 0.2);
        Integer pageSize = r.option("magento.scan-page-size", "scanPageSize", Integer.class, MagentoConfiguration.MAX_PAGE_SIZE);
        return new ScanBudget(budget == null ? 0.2 : budget, pageSize == null ? MagentoConfiguration.MAX_PAGE_SIZE : pageSize);
    }

    /** Every topic an enabled stream publishes to, one per store view for store-scoped streams. */
    public List<String> topics() {
        Set<String> seen = new HashSet<>();
        List<String> topics = new ArrayList<>();
        streams.forEach((stream, s) -> {
            if (s.enabled()) {
                for (String store : stream.storeScoped() ? storeCodes : storeCodes.subList(0, 1)) {
                    String topic = StoreTopics.topic(s.topic(), store);
                    if (seen.add(topic)) {
                        topics.add(topic);
                    }
                }
            }
        });
        return topics;
    }

    /** The enabled streams by URI name (products, categories...). */
    public List<String> enabledStreams() {
        return streams.entrySet().stream().filter(e -> e.getValue().enabled()).map(e -> e.getKey().uriName()).toList();
    }

    private static List<String> codes(String value) {
        List<String> stores = new ArrayList<>();
        for (String code : (value == null ? "" : value).split(",")) {
            if (!code.isBlank() && !stores.contains(code.strip())) {
                stores.add(code.strip());
            }
        }
        return stores;
    }

    /** Switches the application read as MicroProfile Config reads a boolean (true, 1, yes, y, on), as before. */
    private static boolean lenientFlag(String value) {
        return value != null && Set.of("true", "1", "yes", "y", "on").contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
