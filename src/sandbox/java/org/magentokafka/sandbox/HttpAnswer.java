package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP answer, built before anything is written so the log can record its status.
 *
 * @param personalData whether the JSON body carries a shopper's personal data ({@link PersonalData}), for the log
 */
record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers, boolean personalData) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=UTF-8";

    HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, false);
    }

    static HttpAnswer json(int status, JsonNode body) {
        return new HttpAnswer(status, JSON, MagentoJson.bytes(body), Map.of(), PersonalData.carriedBy(body));
    }

    /** The same answer with other bytes and headers (compressed, cut): what it carries stays noted. */
    HttpAnswer with(byte[] newBody, Map<String, String> newHeaders) {
        return new HttpAnswer(status, contentType, newBody, newHeaders, personalData);
    }

    static HttpAnswer html(int status, String html, Map<String, String> headers) {
        return new HttpAnswer(status, HTML, html.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The form-encoded answers of the OAuth token endpoints (Magento sends them with its default HTML type). */
    static HttpAnswer form(int status, String body) {
        return new HttpAnswer(status, HTML, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static HttpAnswer error(MagentoError e) {
        return json(e.status(), e.body());
    }
}
