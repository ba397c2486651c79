package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A failure Magento's ErrorProcessor would turn into a JSON error body. The message keeps its
 * %placeholders and the values travel in "parameters", exactly as Magento sends them, because
 * clients that match on the message text must see the unsubstituted form.
 */
final class MagentoError extends RuntimeException {

    private final int status;
    private final transient JsonNode parameters;
    private final boolean withNullTrace;

    private MagentoError(int status, String message, JsonNode parameters, boolean withNullTrace) {
        super(message, null, false, false);
        this.status = status;
        this.parameters = parameters;
        this.withNullTrace = withNullTrace;
    }

    static MagentoError of(int status, String message) {
        return new MagentoError(status, message, null, false);
    }

    /** Named parameters, e.g. %resources → {"resources": "..."}. */
    static MagentoError named(int status, String message, Map<String, ?> parameters) {
        return new MagentoError(status, message, MagentoJson.MAPPER.valueToTree(parameters), false);
    }

    /** Positional parameters, e.g. %1 → ["value"]. */
    static MagentoError positional(int status, String message, Object... parameters) {
        return new MagentoError(status, message, MagentoJson.MAPPER.valueToTree(parameters), false);
    }

    static MagentoError routeNotFound() {
        // The router's exception has no stack trace of its own, so Magento prints "trace": null.
        return new MagentoError(404, "Request does not match any route.", null, true);
    }

    static MagentoError notAuthorized(String resource) {
        return named(401, "The consumer isn't authorized to access %resources.", Map.of("resources", resource));
    }

    static MagentoError internalError(String reportId) {
        return of(500, "Internal Error. Details are available in Magento log file. Report ID: " + reportId);
    }

    /** The message with its placeholders filled in, as Magento renders it outside the REST error body. */
    String renderedMessage() {
        String text = getMessage();
        if (parameters == null) {
            return text;
        }
        if (parameters.isArray()) {
            for (int i = parameters.size(); i >= 1; i--) {
                text = text.replace("%" + i, parameters.get(i - 1).asText());
            }
        } else {
            for (var it = parameters.fields(); it.hasNext(); ) {
                var field = it.next();
                text = text.replace("%" + field.getKey(), field.getValue().asText());
            }
        }
        return text;
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        ObjectNode body = MagentoJson.MAPPER.createObjectNode();
        body.put("message", getMessage());
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        if (withNullTrace) {
            body.putNull("trace");
        }
        return body;
    }
}
