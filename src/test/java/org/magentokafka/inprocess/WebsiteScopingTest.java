package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStorefront;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.CloudEventRecords;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Issue 14, website scoping: {@code GET /rest/<store>/V1/products} lists every website's products, yet a store
 * view's topic carries exactly the products of its own website; a product taken out of a website is deleted on
 * that store view's topic only, and one added to a website later is created there.
 */
class WebsiteScopingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String MAIN = "base";
    private static final String EUROPE = "europe";

    @Test
    void eachStoreViewTopicHoldsExactlyItsWebsitesProducts() {
        try (InProcessConnector connector = twoWebsites().start()) {
            awaitSynced(connector);
            SandboxStorefront storefront = connector.store().catalog().storefront();
            Set<String> inMain = skusIn(connector, storefront, MAIN);
            Set<String> inEurope = skusIn(connector, storefront, EUROPE);
            assertFalse(inMain.equals(inEurope), "the catalog must have products of one website only: " + inMain.size());

            List<ConsumerRecord<String, String>> main = TestKafka.read(mainTopic(connector), inMain.size(), WAIT, SETTLE);
            List<ConsumerRecord<String, String>> europe = TestKafka.read(europeTopic(connector), inEurope.size(), WAIT, SETTLE);
            CloudEventRecords.assertEveryRecordConverts(main);
            CloudEventRecords.assertEveryRecordConverts(europe);
            assertEquals(inMain, keys(main), "the default store view's topic: exactly the main website's products");
            assertEquals(inEurope, keys(europe), "the eu store view's topic: exactly the Europe website's products");
            assertTrue(europe.stream().allMatch(r -> "magento.product.created".equals(Records.header(r, "ce_type"))),
                    "no deleted event for products the topic never carried");
            assertEquals(List.of(), TestKafka.read(connector.deadLetterTopic(), 0, Duration.ofSeconds(5), Duration.ofSeconds(5)),
                    "another website's product is no dead letter either");
        }
    }

    @Test
    void productRemovedFromAWebsiteIsDeletedOnThatStoreViewsTopicOnly() {
        try (InProcessConnector connector = twoWebsites().option("reconcileInterval", "1s").start()) {
            awaitSynced(connector);
            SandboxStorefront storefront = connector.store().catalog().storefront();
            int mainCount = skusIn(connector, storefront, MAIN).size();
            int europeCount = skusIn(connector, storefront, EUROPE).size();
            String sku = inBoth(connector, storefront);
            TestKafka.read(europeTopic(connector), europeCount, WAIT, SETTLE);

            assertTrue(storefront.setWebsites(sku, MAIN));

            List<ConsumerRecord<String, String>> europe = TestKafka.read(europeTopic(connector), europeCount + 2, WAIT,
                    Duration.ofSeconds(4));
            CloudEventRecords.assertEveryRecordConverts(europe);
            assertEquals(europeCount + 2, europe.size(), "the removal is two records on eu, nothing else: " + europe.size());
            List<ConsumerRecord<String, String>> removal = europe.stream().filter(r -> r.key().equals(sku)).skip(1).toList();
            assertEquals(2, removal.size(), "a deleted event and a tombstone, once (the reconcile sweep adds none)");
            assertEquals("magento.product.deleted", Records.header(removal.get(0), "ce_type"));
            JsonNode deleted = Records.json(removal.get(0));
            assertEquals(sku, deleted.get("key").asText());
            assertEquals("eu", deleted.get("store_code").asText());
            assertNull(removal.get(1).value(), "then the tombstone, for compaction");

            // The main website still sells it: its topic gets the product's new row (website_ids [1]), no removal.
            List<ConsumerRecord<String, String>> main = TestKafka.read(mainTopic(connector), mainCount + 1, WAIT, SETTLE);
            List<ConsumerRecord<String, String>> onMain = main.stream().filter(r -> r.key().equals(sku)).toList();
            assertEquals(List.of("magento.product.created", "magento.product.updated"),
                    onMain.stream().map(r -> Records.header(r, "ce_type")).toList());
            assertNotNull(onMain.get(1).value());
            assertEquals("[1]", Records.json(onMain.get(1)).at("/product/extension_attributes/website_ids").toString());
            assertEquals(mainCount + 1, main.size(), "nothing else on the default store view's topic");
        }
    }

    @Test
    void aProductAddedToAWebsiteLaterIsCreatedOnThatStoreViewsTopic() {
        try (InProcessConnector connector = twoWebsites().start()) {
            awaitSynced(connector);
            SandboxStorefront storefront = connector.store().catalog().storefront();
            int europeCount = skusIn(connector, storefront, EUROPE).size();
            String mainOnly = skusIn(connector, storefront, MAIN).stream()
                    .filter(sku -> !storefront.websitesOf(sku).contains(EUROPE)).findFirst().orElseThrow();
            TestKafka.read(europeTopic(connector), europeCount, WAIT, SETTLE);

            assertTrue(storefront.setWebsites(mainOnly, MAIN, EUROPE));

            List<ConsumerRecord<String, String>> europe = TestKafka.read(europeTopic(connector), europeCount + 1, WAIT, SETTLE);
            List<ConsumerRecord<String, String>> added = europe.stream().filter(r -> r.key().equals(mainOnly)).toList();
            assertEquals(1, added.size(), "published once on eu: " + added);
            assertEquals("magento.product.created", Records.header(added.get(0), "ce_type"));
            assertEquals("eu", Records.json(added.get(0)).get("store_code").asText());
        }
    }

    @Test
    void displayableIsFalseForDisabledOrNotVisibleProductsAndFollowsThePriceIndexOtherwise() {
        try (InProcessConnector connector = twoWebsites().start()) {
            awaitSynced(connector);
            SandboxStorefront storefront = connector.store().catalog().storefront();
            Set<String> inMain = skusIn(connector, storefront, MAIN);
            Map<String, ConsumerRecord<String, String>> latest = Records.latestByKey(
                    TestKafka.read(mainTopic(connector), inMain.size(), WAIT, SETTLE));
            int disabled = 0;
            int notVisible = 0;
            for (ConsumerRecord<String, String> record : latest.values()) {
                JsonNode event = Records.json(record);
                JsonNode product = event.get("product");
                assertTrue(event.has("displayable"), "every product event says whether it is displayable: " + record.key());
                boolean displayable = event.get("displayable").asBoolean();
                if (product.get("status").asInt() != 1) {
                    disabled++;
                    assertFalse(displayable, "a disabled product is not displayable: " + record.key());
                } else if (product.get("visibility").asInt() == 1) {
                    notVisible++;
                    assertFalse(displayable, "a product not visible individually is not displayable: " + record.key());
                } else {
                    // Enabled, visible, in the website: displayable exactly when the website's price index has it.
                    assertEquals(!event.get("prices").isNull(), displayable, "in the price index: " + record.key());
                }
            }
            assertTrue(disabled > 0 && notVisible > 0, "the catalog has disabled (" + disabled + ") and not visible ("
                                                       + notVisible + ") products");
        }
    }

    @Test
    void withoutTheStoreGrantEveryStoreViewPublishesWhatItListsWithTheWebsiteUnknownAndNothingDeleted() {
        Set<String> granted = new HashSet<>(SandboxOptions.ALL_CATALOG_RESOURCES);
        granted.remove("Magento_Backend::store");
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(20).storeCodes(List.of("default"))
                        .storefront(StorefrontOptions.full()).grantedResources(granted).build())
                .storeCodes("default,eu")
                .stream("products")
                .pollInterval("500ms")
                .start()) {
            awaitSynced(connector);
            Set<String> listed = new TreeSet<>();
            connector.store().catalog().products().forEach(p -> listed.add(p.get("sku").asText()));
            for (String topic : List.of(mainTopic(connector), europeTopic(connector))) {
                List<ConsumerRecord<String, String>> records = TestKafka.read(topic, listed.size(), WAIT, SETTLE);
                CloudEventRecords.assertEveryRecordConverts(records);
                assertEquals(listed, keys(records), "no website known, none scoped out on a guess: " + topic);
                for (ConsumerRecord<String, String> record : records) {
                    assertTrue(record.value() != null, "no website-scoping delete on a guess: " + record.key());
                    JsonNode event = Records.json(record);
                    assertEquals("not granted: Magento_Backend::store", event.path("unknown").path("website").asText(), event.toString());
                    assertTrue(event.get("displayable").isNull(), event.toString());
                }
            }
            String line = connector.log().await(Pattern.compile("the integration lacks Stores > Settings > All Stores"), WAIT);
            assertTrue(line.contains("(Magento_Backend::store)"), line);
        }
    }

    @Test
    void theStoreScopeIsReadAgainWhenTheAttributeMetadataChanges() {
        try (InProcessConnector connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(20).storeCodes(List.of("default")).build())
                .stream("products")
                .stream("product-attributes")
                .pollInterval("500ms")
                .start()) {
            connector.log().await(Pattern.compile("magento:products synced 20 items"), WAIT);
            int before = connector.store().requests().matching("/V1/store/storeConfigs").size();
            assertTrue(before >= 1, "the scope was read for the sync");
            String color = connector.store().catalog().products().stream()
                    .flatMap(p -> StreamSupport.stream(p.get("custom_attributes").spliterator(), false))
                    .filter(a -> "color".equals(a.get("attribute_code").asText())).findFirst().orElseThrow()
                    .get("value").asText();

            connector.store().catalog().setOptionLabel("color", color, "Renamed colour");

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (connector.store().requests().matching("/V1/store/storeConfigs").size() <= before) {
                assertTrue(System.nanoTime() < deadline, "the store scope was not read again with the attribute metadata");
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InProcessConnector.Builder twoWebsites() {
        return InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(60).storeCodes(List.of("default"))
                        .storefront(StorefrontOptions.full()).build())
                .storeCodes("default,eu")
                .stream("products")
                .pollInterval("500ms");
    }

    private static void awaitSynced(InProcessConnector connector) {
        connector.log().await(Pattern.compile("magento:products synced \\d+ items .*from /rest/eu/"), WAIT);
        connector.log().await(Pattern.compile("magento:products synced \\d+ items .*from /rest/default/"), WAIT);
    }

    /** The simulator's own website assignment. */
    private static Set<String> skusIn(InProcessConnector connector, SandboxStorefront storefront, String website) {
        Set<String> skus = new TreeSet<>();
        connector.store().catalog().products().forEach(p -> {
            String sku = p.get("sku").asText();
            if (storefront.websitesOf(sku).contains(website)) {
                skus.add(sku);
            }
        });
        return skus;
    }

    private static String inBoth(InProcessConnector connector, SandboxStorefront storefront) {
        return skusIn(connector, storefront, MAIN).stream().filter(sku -> storefront.websitesOf(sku).contains(EUROPE))
                .filter(sku -> storefront.childSkus(sku).isEmpty()).findFirst().orElseThrow();
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String mainTopic(InProcessConnector connector) {
        return connector.topic("products");
    }

    private static String europeTopic(InProcessConnector connector) {
        return connector.topic("products") + ".eu";
    }
}
