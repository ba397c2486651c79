package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official admin REST schema (Swagger 2.0) as a validator. Swagger definitions are draft-4
 * JSON Schema with "#/definitions/..." references, so each response schema is validated inside a
 * document that carries all definitions, which lets those references resolve.
 */
final class MagentoSchema {

    /** Vendored with the tests (see SOURCE.md beside it): a clone needs nothing outside the repository. */
    static final String RESOURCE = "/magento/openapi/admin-schema-2.4.9.json";

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();

    private MagentoSchema(JsonNode document) {
        this.document = document;
    }

    static MagentoSchema load() {
        try (InputStream in = MagentoSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath (src/test/resources)");
            }
            return new MagentoSchema(StoreClient.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema the document declares for GET {apiPath} answering {status} (or "default"). */
    JsonNode responseSchema(String apiPath, String status) {
        JsonNode responses = document.path("paths").path(apiPath).path("get").path("responses");
        JsonNode response = responses.has(status) ? responses.get(status) : responses.get("default");
        if (response == null || !response.has("schema")) {
            throw new IllegalArgumentException("no schema for GET " + apiPath + " " + status);
        }
        return response.get("schema");
    }

    List<ValidationMessage> validateResponse(String apiPath, String status, JsonNode body) {
        return validate(responseSchema(apiPath, status), body);
    }

    List<ValidationMessage> validateDefinition(String definition, JsonNode body) {
        return validate(StoreClient.JSON.createObjectNode().put("$ref", "#/definitions/" + definition), body);
    }

    private List<ValidationMessage> validate(JsonNode schema, JsonNode body) {
        JsonSchema compiled = cache.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = ((ObjectNode) schema).deepCopy();
            root.set("definitions", document.get("definitions"));
            return factory.getSchema(URI.create("urn:magento:admin-schema-2.4.9"), root);
        });
        return new ArrayList<>(compiled.validate(body));
    }
}
