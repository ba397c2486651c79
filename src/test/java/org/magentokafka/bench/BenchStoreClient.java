package org.magentokafka.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.paging.SearchCriteria;
import org.magentokafka.sandbox.SandboxStore;

/** Plain GETs against the simulator, the way the connector sends them (for calibration and JMH fixtures). */
final class BenchStoreClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SandboxStore store;

    BenchStoreClient(SandboxStore store) {
        this.store = store;
    }

    /** Body of GET /rest/default/V1{resource}?{criteria}. */
    String get(String resource, SearchCriteria criteria) {
        String query = criteria == null ? "" : "?" + criteria.toQueryString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(store.baseUrl() + "/rest/default/V1" + resource + query))
                .header("Authorization", "Bearer " + store.options().accessToken())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Page {@code page} of the products, as the connector asks for it (sorted by entity_id). */
    String productPage(int page, int pageSize) {
        return get("/products", SearchCriteria.paged(pageSize).sortedBy("entity_id", "ASC").withPage(page));
    }

    /** The source items of the SKUs of a product page body, as the connector's per-page stock look-up asks. */
    String stockFor(String productPageBody) {
        List<String> skus = new ArrayList<>();
        try {
            for (JsonNode item : JSON.readTree(productPageBody).get("items")) {
                skus.add(item.get("sku").asText());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return get("/inventory/source-items", SearchCriteria.paged(300)
                .withFilterGroup(new SearchCriteria.Filter("sku", String.join(",", skus), "in"))
                .sortedBy("sku", "ASC").sortedBy("source_code", "ASC").withPage(1));
    }

    String attributes() {
        return get("/products/attributes", SearchCriteria.paged(300).sortedBy("attribute_id", "ASC").withPage(1));
    }

    String categoryTree() {
        return get("/categories", null);
    }
}
