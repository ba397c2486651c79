package org.magentokafka.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.magentokafka.sandbox.LoggedRequest;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.magentokafka.sandbox.StorefrontOptions;
import org.magentokafka.testing.InProcessConnector;
import org.magentokafka.testing.LatestEvents;
import org.magentokafka.testing.Records;
import org.magentokafka.testing.TestKafka;

/**
 * Issue 14, variants: configurables carry their children as {@code variants} (option labels of the store view),
 * children carry {@code parent_skus}, and a child's change asks for its parents again, also after a restart (the
 * child &rarr; parents index is rebuilt from a listing of the configurables when the products stream starts).
 * Checked against the simulator's own data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigurableVariantsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    private static InProcessConnector connector;
    private static SandboxStore store;
    private static String topic;
    private static int seen;

    @BeforeAll
    static void start() {
        connector = InProcessConnector.builder()
                .store(SandboxOptions.builder().productCount(120).storeCodes(List.of("default"))
                        .storefront(StorefrontOptions.full()).build())
                .stream("products")
                .partitions(1)
                .pageSize(50)
                .pollInterval("500ms")
                .start();
        store = connector.store();
        topic = connector.topic("products");
        int inWebsite = (int) store.catalog().products().stream().filter(p -> websites(p).contains(1)).count();
        seen = TestKafka.read(topic, inWebsite, WAIT, Duration.ofSeconds(2)).size();
        assertTrue(seen >= inWebsite, "the first sync published the main website's products: " + seen + " of " + inWebsite);
    }

    @Test
    @Order(0)
    void theChildrenOfAPageCostOneRequest() {
        List<LoggedRequest> products = store.requests().matching("/V1/products");
        long pages = products.stream().filter(r -> r.query().get("searchCriteria[filterGroups][0][filters][0][field]") == null
                                                   && !"1".equals(r.query().get("searchCriteria[pageSize]"))).count();
        List<LoggedRequest> children = products.stream()
                .filter(r -> "entity_id".equals(r.query().get("searchCriteria[filterGroups][0][filters][0][field]"))).toList();
        assertFalse(children.isEmpty(), "pages with configurables asked for their children");
        assertTrue(children.size() <= pages, children.size() + " children requests for " + pages + " pages");
        for (LoggedRequest r : children) {
            int ids = r.query().get("searchCriteria[filterGroups][0][filters][0][value]").split(",").length;
            assertEquals(String.valueOf(ids), r.query().get("searchCriteria[pageSize]"), "one page holds every child asked for");
            assertEquals("in", r.query().get("searchCriteria[filterGroups][0][filters][0][conditionType]"));
        }
    }

    @Test
    @Order(1)
    void configurableCarriesItsVariantsWithOptionLabels() {
        Map<String, JsonNode> latest = LatestEvents.read(topic, seen, WAIT, Duration.ZERO);
        List<ObjectNode> configurables = configurablesOfTheMainWebsite();
        assertFalse(configurables.isEmpty());
        Map<String, Map<String, String>> labels = optionLabels();
        for (ObjectNode parent : configurables) {
            String sku = parent.get("sku").asText();
            JsonNode variants = latest.get(sku).get("variants");
            List<String> variantSkus = new ArrayList<>();
            variants.forEach(v -> variantSkus.add(v.get("sku").asText()));
            assertEquals(store.catalog().storefront().childSkus(sku), variantSkus, "variants of " + sku + " in link order");
            for (JsonNode variant : variants) {
                ObjectNode child = store.catalog().product(variant.get("sku").asText()).orElseThrow();
                assertEquals(child.get("id").asInt(), variant.get("id").asInt());
                assertEquals(labels.get("color").get(attribute(child, "color")), variant.get("options").get("color").asText());
                assertEquals(labels.get("size").get(attribute(child, "size")), variant.get("options").get("size").asText());
                assertTrue(variant.has("salable") && variant.has("prices") && variant.has("displayable"), variant.toString());
                assertFalse(variant.has("urls"), "a variant has no urls of its own: " + variant);
            }
        }
        String plain = store.catalog().products().stream()
                .filter(p -> "simple".equals(p.get("type_id").asText()) && websites(p).contains(1)
                             && store.catalog().storefront().childSkus(p.get("sku").asText()).isEmpty())
                .map(p -> p.get("sku").asText()).findFirst().orElseThrow();
        assertFalse(latest.get(plain).has("variants"), "only configurables carry variants");
    }

    @Test
    @Order(2)
    void childCarriesItsParentSkus() {
        Map<String, JsonNode> latest = LatestEvents.read(topic, seen, WAIT, Duration.ZERO);
        int children = 0;
        for (ObjectNode parent : configurablesOfTheMainWebsite()) {
            for (String child : store.catalog().storefront().childSkus(parent.get("sku").asText())) {
                assertEquals(List.of(parent.get("sku").asText()), texts(latest.get(child).get("parent_skus")), child);
                children++;
            }
        }
        assertTrue(children > 0);
        long withoutParents = latest.values().stream().filter(d -> !d.has("parent_skus")).count();
        assertEquals(latest.size() - children, withoutParents, "products that are nobody's child carry no parent_skus");
    }

    @Test
    @Order(3)
    void childPriceChangeRepublishesItsParent() {
        ObjectNode parent = configurablesOfTheMainWebsite().get(0);
        String parentSku = parent.get("sku").asText();
        String child = store.catalog().storefront().childSkus(parentSku).get(0);
        double price = store.catalog().product(child).orElseThrow().get("price").asDouble() + 10;
        Instant changed = Instant.now();
        store.catalog().updateProduct(child, p -> p.put("price", price));

        JsonNode event = next(r -> r.key().equals(child)).get("product");
        assertEquals(price, event.get("price").asDouble(), 1e-9);
        assertParentAskedFor(parentSku, changed);
    }

    @Test
    @Order(4)
    void childChangeReachesItsParentsVariants() {
        ObjectNode parent = configurablesOfTheMainWebsite().get(1);
        String parentSku = parent.get("sku").asText();
        String child = store.catalog().storefront().childSkus(parentSku).get(0);
        Map<String, Map<String, String>> labels = optionLabels();
        String otherSize = labels.get("size").keySet().stream()
                .filter(v -> !v.equals(attribute(store.catalog().product(child).orElseThrow(), "size"))).findFirst().orElseThrow();
        store.catalog().updateProduct(child, p -> {
            for (JsonNode a : p.get("custom_attributes")) {
                if ("size".equals(a.get("attribute_code").asText())) {
                    ((ObjectNode) a).put("value", otherSize);
                }
            }
        });

        JsonNode variants = next(r -> r.key().equals(parentSku)).get("variants");
        JsonNode variant = null;
        for (JsonNode v : variants) {
            if (v.get("sku").asText().equals(child)) {
                variant = v;
            }
        }
        assertEquals(labels.get("size").get(otherSize), variant.get("options").get("size").asText(),
                "the parent's next event carries the child's new option");
    }

    @Test
    @Order(5)
    void parentSkusSurviveARestart() {
        connector.restart();
        ObjectNode parent = configurablesOfTheMainWebsite().get(2);
        String parentSku = parent.get("sku").asText();
        String child = store.catalog().storefront().childSkus(parentSku).get(1);
        // The restarted stream resumes from its watermark: it reads the child, not the parent.
        Instant changed = Instant.now();
        store.catalog().updateProduct(child, p -> p.put("price", p.get("price").asDouble() + 3));

        JsonNode event = next(r -> r.key().equals(child));
        assertEquals(List.of(parentSku), texts(event.get("parent_skus")), "the child still knows its parent after a restart");
        assertParentAskedFor(parentSku, changed);
        assertTrue(store.requests().matching("/V1/products").stream()
                        .anyMatch(r -> r.query().containsValue("configurable") && r.query().containsKey("fields")),
                "the index was rebuilt from a listing of the configurables with a fields projection");
    }

    // ---------------------------------------------------------------- helpers

    /** After the change: the parent was read again by SKU (sku in (...)), the way re-published products are. */
    private static void assertParentAskedFor(String parentSku, Instant since) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Predicate<LoggedRequest> byParentSku = r -> !r.at().isBefore(since) && r.query().entrySet().stream()
                .anyMatch(e -> e.getKey().endsWith("[value]") && List.of(e.getValue().split(",")).contains(parentSku))
                && r.query().containsValue("sku");
        while (System.nanoTime() < deadline) {
            if (store.requests().matching("/V1/products").stream().anyMatch(byParentSku)) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the parent " + parentSku + " was not asked for again after its child changed");
    }

    /** The value of the next record (after those seen so far) that matches; records before it are passed over. */
    private static JsonNode next(Predicate<ConsumerRecord<String, String>> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> all = TestKafka.readAtLeast(topic, seen + 1, Duration.ofSeconds(5));
            for (int i = seen; i < all.size(); i++) {
                if (all.get(i).value() != null && wanted.test(all.get(i))) {
                    seen = i + 1;
                    return Records.json(all.get(i));
                }
            }
        }
        throw new AssertionError("no matching record within " + WAIT);
    }

    private static List<ObjectNode> configurablesOfTheMainWebsite() {
        return store.catalog().products().stream()
                .filter(p -> "configurable".equals(p.get("type_id").asText()) && websites(p).contains(1)).toList();
    }

    /** attribute code → option value → label (the admin labels the default store view shows). */
    private static Map<String, Map<String, String>> optionLabels() {
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (ObjectNode attribute : store.catalog().attributes()) {
            Map<String, String> options = new HashMap<>();
            attribute.path("options").forEach(o -> {
                if (!o.path("value").asText().isBlank()) {
                    options.put(o.get("value").asText(), o.get("label").asText());
                }
            });
            labels.put(attribute.get("attribute_code").asText(), options);
        }
        return labels;
    }

    private static String attribute(JsonNode product, String code) {
        for (JsonNode a : product.path("custom_attributes")) {
            if (code.equals(a.path("attribute_code").asText())) {
                return a.path("value").asText();
            }
        }
        return null;
    }

    private static List<Integer> websites(JsonNode product) {
        List<Integer> ids = new ArrayList<>();
        product.path("extension_attributes").path("website_ids").forEach(id -> ids.add(id.asInt()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
