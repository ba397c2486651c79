package org.magentokafka.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.change.ContentHash;
import org.magentokafka.enrich.AttributeCatalog;
import org.magentokafka.enrich.CategoryPaths;
import org.magentokafka.enrich.EnrichedProduct;
import org.magentokafka.enrich.InventorySummary;
import org.magentokafka.enrich.ItemCheck;
import org.magentokafka.sandbox.SandboxOptions;
import org.magentokafka.sandbox.SandboxStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.magentokafka.events.ChangeDetector;
import org.magentokafka.enrich.ProductEnricher;

/**
 * The connector's per-product work on one page, single-threaded (= per core), reported per product
 * ({@code @OperationsPerInvocation} = page size): parse the page body and its stock look-up body the way
 * {@code MagentoClient.fetchPage} does (JSON tree, then a Map per item), check ({@code ItemCheck}, as
 * {@code ProductEnricher} before enriching), enrich ({@code EnrichedProduct}: labels,
 * inventory, category paths; metadata and tree are cached in the connector, so built once here), serialize the
 * document ({@code ChangeDetector}: Jackson bytes, then the String handed to Kafka), hash it ({@code ContentHash})
 * and compare with the state. The page bodies come from the simulator (page 3 of 100 products).
 * Not included: Camel routing (split per item, headers), the Kafka producer, HTTP.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PipelineBenchmark {

    static final int PAGE_SIZE = 100;
    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    @Param({"3"})
    public int page;

    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] pageBody;
    private byte[] stockBody;
    private AttributeCatalog attributes;
    private CategoryPaths categories;
    private List<Map<String, Object>> parsedProducts;
    private Map<String, List<Map<String, Object>>> parsedStock;
    private List<Map<String, Object>> enrichedDocs;
    private final Map<String, Long> state = new HashMap<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        try (SandboxStore store = SandboxStore.start(SandboxOptions.builder().productCount(1000)
                .storeCodes(List.of("default")).build())) {
            BenchStoreClient client = new BenchStoreClient(store);
            String products = client.productPage(page, PAGE_SIZE);
            pageBody = products.getBytes(StandardCharsets.UTF_8);
            stockBody = client.stockFor(products).getBytes(StandardCharsets.UTF_8);
            attributes = AttributeCatalog.of(items(mapper.readTree(client.attributes())));
            categories = CategoryPaths.of(mapper.convertValue(mapper.readTree(client.categoryTree()), ITEM));
        }
        parsedProducts = parse(pageBody);
        parsedStock = InventorySummary.bySku(parse(stockBody));
        enrichedDocs = enrich(parsedProducts, parsedStock);
        if (parsedProducts.size() != PAGE_SIZE) {
            throw new IllegalStateException("page " + page + " has " + parsedProducts.size() + " products");
        }
        // Every key known with another hash: the "updated" path, as in a re-sync after changes.
        for (Map<String, Object> p : parsedProducts) {
            state.put(p.get("sku").toString(), 42L);
        }
        System.out.printf("%n[fixture] page %d: %d products, %d bytes; stock body %d bytes; %d attributes, %d categories; "
                          + "enriched document avg %d bytes%n", page, parsedProducts.size(), pageBody.length, stockBody.length,
                attributes.size(), categories.size(),
                enrichedDocs.stream().mapToInt(d -> serialize(d).length).sum() / enrichedDocs.size());
    }

    /** The whole per-product pipeline: parse page + stock, enrich, serialize, hash, compare. */
    @Benchmark
    @OperationsPerInvocation(PAGE_SIZE)
    public void pipeline(Blackhole bh) throws Exception {
        List<Map<String, Object>> products = parse(pageBody);
        Map<String, List<Map<String, Object>>> stock = InventorySummary.bySku(parse(stockBody));
        for (Map<String, Object> product : products) {
            if (ItemCheck.problemOf(product) != null) {
                throw new IllegalStateException("the fixture holds an unusable product");
            }
            Object sku = product.get("sku");
            Map<String, Object> doc = EnrichedProduct.of("default", product, attributes,
                    sku == null ? List.of() : stock.get(sku.toString()), categories);
            byte[] json = mapper.writeValueAsBytes(doc);
            long hash = ContentHash.of(json);
            Long previous = state.get(String.valueOf(sku));
            bh.consume(previous != null && previous == hash);
            bh.consume(new String(json, StandardCharsets.UTF_8));
        }
    }

    /** Parsing alone (page + stock bodies). */
    @Benchmark
    @OperationsPerInvocation(PAGE_SIZE)
    public void parseOnly(Blackhole bh) throws Exception {
        bh.consume(parse(pageBody));
        bh.consume(InventorySummary.bySku(parse(stockBody)));
    }

    /** Enrichment alone, on parsed maps. */
    @Benchmark
    @OperationsPerInvocation(PAGE_SIZE)
    public void enrichOnly(Blackhole bh) {
        bh.consume(enrich(parsedProducts, parsedStock));
    }

    /** Serialization + hash alone, on enriched documents. */
    @Benchmark
    @OperationsPerInvocation(PAGE_SIZE)
    public void serializeAndHashOnly(Blackhole bh) throws Exception {
        for (Map<String, Object> doc : enrichedDocs) {
            byte[] json = mapper.writeValueAsBytes(doc);
            bh.consume(ContentHash.of(json));
            bh.consume(new String(json, StandardCharsets.UTF_8));
        }
    }

    private List<Map<String, Object>> enrich(List<Map<String, Object>> products, Map<String, List<Map<String, Object>>> stock) {
        List<Map<String, Object>> docs = new ArrayList<>(products.size());
        for (Map<String, Object> product : products) {
            Object sku = product.get("sku");
            docs.add(EnrichedProduct.of("default", product, attributes, sku == null ? List.of() : stock.get(sku.toString()), categories));
        }
        return docs;
    }

    /** As MagentoClient.fetchPage: body bytes to String, JSON tree, one Map per item. */
    private List<Map<String, Object>> parse(byte[] body) throws Exception {
        return items(mapper.readTree(new String(body, StandardCharsets.UTF_8)));
    }

    private List<Map<String, Object>> items(JsonNode json) {
        JsonNode items = json.get("items");
        List<Map<String, Object>> list = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            list.add(mapper.convertValue(item, ITEM));
        }
        return list;
    }

    private byte[] serialize(Map<String, Object> doc) {
        try {
            return mapper.writeValueAsBytes(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
