package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where real Magento answers differ from its own published schema. The sandbox reproduces the
 * real answers (REST-FACTS.md wins over the schema), so the schema test forgives exactly these
 * and nothing else. Each entry says why it is real.
 */
final class KnownDeviations {

    record Deviation(String why, Predicate<ValidationMessage> matches) {
    }

    static final List<Deviation> ALL = List.of(
            new Deviation("category_ids is an array of strings in custom_attributes (the schema types every value as string)",
                    m -> typeError(m, ".*\\.custom_attributes\\[\\d+]\\.value") && m.getInstanceNode().isArray()),
            new Deviation("named %placeholders travel as a JSON object, e.g. {\"resources\": ...} or {\"max\": 300};"
                    + " the schema says array",
                    m -> typeError(m, "\\$\\.parameters") && m.getInstanceNode().isObject()),
            new Deviation("positional %1 placeholders travel as an array of strings; the schema wants objects",
                    m -> typeError(m, "\\$\\.parameters\\[\\d+]") && m.getInstanceNode().isTextual()),
            new Deviation("an order's payment has account_status and cc_last4 null when its method sets none (Check /"
                    + " Money order): the interface declares them non-nullable, so the output processor keeps the null",
                    m -> typeError(m, "\\$\\.items\\[\\d+]\\.payment\\.(account_status|cc_last4)")
                         && m.getInstanceNode().isNull()),
            new Deviation("the router's 404 carries \"trace\": null (WebapiException without stack trace)",
                    m -> typeError(m, "\\$\\.trace") && m.getInstanceNode().isNull()));

    private KnownDeviations() {
    }

    static boolean forgiven(ValidationMessage message) {
        return ALL.stream().anyMatch(d -> d.matches().test(message));
    }

    private static boolean typeError(ValidationMessage m, String location) {
        JsonNode node = m.getInstanceNode();
        return "type".equals(m.getType()) && node != null
                && Pattern.matches(location, m.getInstanceLocation().toString());
    }
}
