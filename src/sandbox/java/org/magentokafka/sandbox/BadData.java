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
