package org.magentokafka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.testing.CloudEventRecords;
import org.magentokafka.testing.ConnectorEnvironment;
import org.magentokafka.testing.ConnectorProcess;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Header values are UTF-8 whatever the platform charset: the packaged app on a JVM with a POSIX locale and
 * {@code -Dfile.encoding=US-ASCII} (where {@code String.getBytes()} turns every non-ASCII character into {@code ?})
 * still sends a non-ASCII SKU intact in {@code ce_subject}.
 */
class HeaderEncodingIT {

    private static final String SKU = "Größe-Ärmel-€-東京/1";
    private static final int PRODUCTS = 20;

    @AutoClose
    private static ConnectorEnvironment environment;
    private static SandboxStore store;
    private static ConnectorProcess connector;
    private static String topic;

    @BeforeAll
    static void start() {
        environment = ConnectorEnvironment.builder()
                .store(SandboxOptions.builder().productCount(PRODUCTS).storeCodes(List.of("default")).build())
                .topic("products", "products-ascii-platform")
                .env("LANG", "C")
                .env("LC_ALL", "C")
                .start();
        store = environment.store();
        store.catalog().addProduct(SKU, "Ärmel-Shirt « Tōkyō »", 12.5);
        topic = environment.topic("products");
        connector = environment.startWithJvmOptions("header-encoding", List.of("-Dfile.encoding=US-ASCII", "-Dsun.jnu.encoding=US-ASCII"));
    }

    @Test
    void aNonAsciiSkuArrivesIntactInCeSubjectOnAnAsciiPlatform() {
        connector.awaitLine(Pattern.compile("magento:products synced " + (PRODUCTS + 1) + " items"), Duration.ofSeconds(90));
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, PRODUCTS + 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        CloudEventRecords.assertEveryRecordConverts(records);
        ConsumerRecord<String, String> record = records.stream().filter(r -> SKU.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no record keyed " + SKU + ": " + records.stream().map(ConsumerRecord::key).toList()));
        assertEquals(SKU, Records.header(record, "ce_subject"), "ce_subject in UTF-8, not the platform's US-ASCII");
        assertEquals(SKU, Records.json(record).get("product").get("sku").asText());
        assertTrue(Records.header(record, "ce_type").startsWith("magento.product."));
    }
}
