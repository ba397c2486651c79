package org.magentokafka.client;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.magentokafka.net.OneLine;

/**
 * Turns what the store answered into one line an operator can act on: endpoint, cause, fix. Knows Magento's
 * error body ({@code message} with {@code %placeholders}, {@code parameters}) and the HTML that maintenance
 * pages, proxies and WAFs send instead.
 */
public final class ErrorTranslator {

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\w+)");

    private final ObjectMapper mapper;

    public ErrorTranslator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public MagentoException translate(String endpoint, int status, String contentType, String body) {
        if (looksLikeHtml(contentType, body)) {
            return html(endpoint, status, body);
        }
        JsonNode json = parseQuietly(body);
        String magentoMessage = json == null ? null : render(json);
        switch (status) {
            case 401:
                return unauthorized(endpoint, json, magentoMessage);
            case 404:
                return new MagentoException(endpoint, status, false, endpoint + " answered 404 Not Found"
                                                                       + quote(magentoMessage)
                                                                       + ": magento.base-url or magento.rest-path is wrong."
                                                                       + " Check the store URL; if the store has no URL rewrites set magento.rest-path=/index.php/rest");
            case 400:
                if (magentoMessage != null && magentoMessage.startsWith("Maximum SearchCriteria pageSize")) {
                    return new MagentoException(endpoint, status, false, endpoint + " refused the page size: "
                                                                           + magentoMessage
                                                                           + ". Set magento.page-size at or below that maximum");
                }
                return new MagentoException(endpoint, status, false,
                        endpoint + " answered 400 Bad Request" + quote(magentoMessage)
                                                                     + ": the store rejected the request; check magento.store-code and the stream's options");
            case 429:
                return new MagentoException(endpoint, status, true, endpoint + " answered 429 Too Many Requests:"
                                                                      + " the store is throttling; lower magento.max-concurrency. Retrying with back-off");
            default:
                if (status >= 500) {
                    return new MagentoException(endpoint, status, true, endpoint + " answered " + status
                                                                          + quote(magentoMessage)
                                                                          + ": the store failed; see its exception log (var/log). Retrying with back-off");
                }
                return new MagentoException(endpoint, status, false, endpoint + " answered " + status + quote(magentoMessage));
        }
    }

    /** A 200 whose body is not the JSON Magento's REST API sends. */
    public MagentoException notJson(String endpoint, int status, String contentType, String body, Exception cause) {
        if (looksLikeHtml(contentType, body)) {
            return html(endpoint, status, body);
        }
        String reason = body == null || body.isBlank() ? "an empty body" : "malformed or truncated JSON (" + OneLine.of(cause.getMessage()) + ")";
        return new MagentoException(endpoint, status, true, endpoint + " returned " + reason
                                                            + " instead of the JSON it answers: a proxy or a failing store cut the answer. Retrying with back-off",
                cause);
    }

    private MagentoException unauthorized(String endpoint, JsonNode json, String magentoMessage) {
        String resources = json == null ? null : text(json.path("parameters"), "resources");
        if (resources != null) {
            return new MagentoException(endpoint, 401, false, endpoint + " answered 401 \"" + magentoMessage + "\"."
                                                              + " Causes: the access token is invalid or expired; or the integration lacks the ACL resource "
                                                              + resources + "; or Magento >= 2.4.4 refuses integration tokens as bearer."
                                                              + " Fix: check the credentials, grant " + resources
                                                              + " in System > Extensions > Integrations > API, or set magento.auth.mode=oauth1 with the four credentials"
                                                              + " shown when activating the integration (or allow bearer tokens: Stores > Configuration > Services > OAuth >"
                                                              + " Allow OAuth Access Tokens to be used as standalone Bearer tokens = Yes)")
                    .withAclResource(resources);
        }
        return new MagentoException(endpoint, 401, false, endpoint + " answered 401 Unauthorized" + quote(magentoMessage)
                                                          + ": check the credentials in magento.auth.*");
    }

    private static MagentoException html(String endpoint, int status, String body) {
        String title = null;
        if (body != null) {
            Matcher m = TITLE.matcher(body);
            if (m.find()) {
                title = OneLine.of(m.group(1));
            }
        }
        String what = status == 503 ? "a maintenance page or an overloaded store"
                : status == 403 ? "a WAF or proxy (Cloudflare, Sucuri) blocking this host"
                : status == 404 ? "a web server that does not know this path (wrong magento.base-url, or a store without URL rewrites needing magento.rest-path=/index.php/rest)"
                : "a web page, not Magento's REST API";
        String fix = status == 503 ? "Retrying with back-off"
                : status == 404 ? "Fix magento.base-url or magento.rest-path"
                : "Check magento.base-url points at the store and allow-list this host in the WAF";
        return new MagentoException(endpoint, status, status == 503, endpoint + " returned HTML instead of JSON (status "
                                                                     + status + (title == null ? "" : ", title \"" + title + "\"")
                                                                     + "): " + what + ". " + fix);
    }

    static boolean looksLikeHtml(String contentType, String body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        if (body == null) {
            return false;
        }
        String start = body.stripLeading();
        return start.startsWith("<");
    }

    /** Magento keeps {@code %name} placeholders in the message and the values in {@code parameters}. */
    static String render(JsonNode json) {
        String message = text(json, "message");
        if (message == null) {
            return null;
        }
        JsonNode params = json.path("parameters");
        Matcher m = PLACEHOLDER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode value = params.isArray() && name.matches("\\d+") ? params.path(Integer.parseInt(name) - 1) : params.path(name);
            String replacement = value.isMissingNode() || value.isNull() ? m.group() : value.asText();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return OneLine.of(out.toString());
    }

    private JsonNode parseQuietly(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String quote(String message) {
        return message == null ? "" : " \"" + message + "\"";
    }
}
