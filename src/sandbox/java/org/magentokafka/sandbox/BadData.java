package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bad-data modes of {@link Faults} as they change product answers. Works on copies: the catalog's
 * nodes stay untouched, and filtering and sorting have already seen the true values.
 *
 * <h2>Bad data (products, by SKU, case-insensitive)</h2>
 * Filters and sorting see the true values; only what is sent changes.
 * <ul>
 *   <li>{@link Faults.Builder#customAttributeWrongType}: the custom attribute's value becomes {@code ["<old>"]}
 *       ({@link Faults.WrongType#ARRAY}) or {@code {"value":"<old>"}} ({@link Faults.WrongType#OBJECT}); added with
 *       value {@code ["bad"]} / {@code {"value":"bad"}} when the product lacks it.</li>
 *   <li>{@link Faults.Builder#numbersAsStrings}: every top-level number becomes a string, e.g.
 *       {@code "id":"17"}, {@code "price":"12.50"} (at least two decimals for non-integers).</li>
 *   <li>{@link Faults.Builder#missingSku}: the product is sent without its {@code sku} field.</li>
 *   <li>{@link Faults.Builder#duplicateAcrossPages}: with page-number paging, when the product is on page n of a
 *       list answer, page n+1 (same criteria) starts with it again, so that page has one item more than
 *       pageSize. Nothing is lost. A product on the last page is not repeated.</li>
 *   <li>{@link Faults.Builder#totalCountDrift}: answers for {@code currentPage >= 2} report
 *       {@code total_count + drift} (never below 0); page 1 (or no currentPage) reports the truth, so
 *       the count "changes after page 1 is served". The items are not changed.</li>
 * </ul>
 * {@link Faults.Builder#inconsistentLists} applies to every collection's list answers: schema-valid, but the count
 * or a page contradicts the items (see {@link InconsistentLists}).
 */
final class BadData {

    private BadData() {
    }

    /** The product as sent: wrong-typed attributes, numbers as strings, no sku, as configured for its SKU. */
    static ObjectNode product(ObjectNode product, FaultPlan plan) {
        Faults faults = plan.faults();
        JsonNode skuNode = product.get("sku");
        if (skuNode == null || !skuNode.isTextual()) {
            return product;
        }
        String key = Faults.key(skuNode.asText());
        Map<String, Faults.WrongType> wrong = faults.wrongTypeAttributes().get(key);
        boolean numbers = faults.numbersAsStrings().contains(key);
        boolean noSku = faults.missingSku().contains(key);
        if (wrong == null && !numbers && !noSku) {
            return product;
        }
        ObjectNode copy = product.deepCopy();
        if (wrong != null) {
            wrong.forEach((code, type) -> wrongType(copy, code, type));
            plan.record(Faults.Kind.WRONG_TYPE_ATTRIBUTE);
        }
        if (numbers) {
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = copy.get(name);
                if (value.isNumber()) {
                    copy.set(name, TextNode.valueOf(numberText(value)));
                }
            }
            plan.record(Faults.Kind.NUMBERS_AS_STRINGS);
        }
        if (noSku) {
            copy.remove("sku");
            plan.record(Faults.Kind.MISSING_SKU);
        }
        return copy;
    }

    private static void wrongType(ObjectNode product, String code, Faults.WrongType type) {
        ArrayNode custom = product.withArray("custom_attributes");
        ObjectNode target = null;
        for (JsonNode attribute : custom) {
            if (code.equals(attribute.path("attribute_code").asText())) {
                target = (ObjectNode) attribute;
                break;
            }
        }
        if (target == null) {
            target = custom.addObject().put("attribute_code", code).put("value", "bad");
        }
        JsonNode old = target.get("value");
        JsonNode inner = old == null || old.isNull() ? TextNode.valueOf("bad") : old;
        if (type == Faults.WrongType.ARRAY) {
            target.putArray("value").add(inner);
        } else {
            target.putObject("value").set("value", inner);
        }
    }

    /** "17" for integers, "12.50" for decimals (at least two decimals, as prices print). */
    static String numberText(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal decimal = number.decimalValue();
        if (decimal.scale() < 2) {
            decimal = decimal.setScale(2);
        }
        return decimal.toPlainString();
    }

    /**
     * The products of the page before this one that are configured to repeat and are not already here.
     *
     * @param previousPage the items of page n-1 of the same criteria
     */
    static List<ObjectNode> repeats(List<ObjectNode> previousPage, List<ObjectNode> page, Set<String> skus) {
        List<ObjectNode> repeats = new ArrayList<>();
        for (ObjectNode candidate : previousPage) {
            String sku = candidate.path("sku").asText(null);
            if (sku != null && skus.contains(Faults.key(sku)) && !page.contains(candidate)) {
                repeats.add(candidate);
            }
        }
        return repeats;
    }
}
