package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The anonymous REST routes that hand out admin tokens; the answer is a bare JSON string. */
final class AdminTokenEndpoints {

    private final AdminAccounts accounts;

    AdminTokenEndpoints(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    List<Route> routes() {
        return List.of(
                Route.post("integration/admin/token", AclResources.ANONYMOUS, this::passwordToken),
                Route.post("tfa/provider/google/authenticate", AclResources.ANONYMOUS, this::googleToken));
    }

    private JsonNode passwordToken(RestCall call) {
        JsonNode body = body(call);
        return TextNode.valueOf(accounts.tokenForPassword(field(body, "username"), field(body, "password")));
    }

    private JsonNode googleToken(RestCall call) {
        JsonNode body = body(call);
        return TextNode.valueOf(accounts.tokenForGoogle(field(body, "username"), field(body, "password"),
                field(body, "otp")));
    }

    private static JsonNode body(RestCall call) {
        try {
            JsonNode node = MagentoJson.MAPPER.readTree(call.body() == null ? "" : call.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below, like Magento's deserializer
        }
        throw MagentoError.of(400, "Decoding error: the request body is not a JSON object.");
    }

    private static String field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw MagentoError.named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", name));
        }
        return value.asText();
    }
}
