package org.magentokafka.enrich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribute metadata of one store view, reduced to what label resolution needs: the attribute's label, its input
 * type and its option labels by option id. Magento's blank first option ({@code {"label":" ","value":""}}) is
 * dropped.
 */
public final class AttributeCatalog {

    public record Attribute(String code, String label, String input, Map<String, String> options) {
    }

    private final Map<String, Attribute> byCode;
    /** attribute_id → code: configurable options name their attributes by id. */
    private final Map<String, String> codeById;

    /** Why there are no labels, when the store refused the metadata (none when it was read). */
    private final UnknownParts unknown;

    private AttributeCatalog(Map<String, Attribute> byCode, Map<String, String> codeById, UnknownParts unknown) {
        this.byCode = byCode;
        this.codeById = codeById;
        this.unknown = unknown;
    }

    /** No metadata: the store refuses it or has no route for it. Values pass unlabelled; the events say why. */
    public static AttributeCatalog unknown(Unavailable why) {
        return new AttributeCatalog(Map.of(), Map.of(), UnknownParts.of(EventPart.LABELS, why));
    }

    /** {@link EventPart#LABELS} with its reason when the metadata was not readable; else none. */
    public UnknownParts unknownParts() {
        return unknown;
    }

    public static AttributeCatalog of(List<Map<String, Object>> metadata) {
        Map<String, Attribute> byCode = new HashMap<>();
        Map<String, String> codeById = new HashMap<>();
        for (Map<String, Object> a : metadata) {
            Object code = a.get("attribute_code");
            if (code == null) {
                continue;
            }
            Map<String, String> options = new HashMap<>();
            if (a.get("options") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> option) {
                        String value = option.get("value") == null ? "" : option.get("value").toString();
                        String label = option.get("label") == null ? "" : option.get("label").toString();
                        if (!value.isBlank()) {
                            options.put(value, label);
                        }
                    }
                }
            }
            if (a.get("attribute_id") != null) {
                codeById.put(a.get("attribute_id").toString().strip(), code.toString());
            }
            Object label = a.get("default_frontend_label");
            Object input = a.get("frontend_input");
            byCode.put(code.toString(), new Attribute(code.toString(), label == null ? code.toString() : label.toString(),
                    input == null ? "text" : input.toString(), Map.copyOf(options)));
        }
        return new AttributeCatalog(byCode, codeById, UnknownParts.NONE);
    }

    public Attribute get(String code) {
        return byCode.get(code);
    }

    /** The code of the attribute with this {@code attribute_id}, or null. */
    public String codeOf(String attributeId) {
        return codeById.get(attributeId);
    }

    public int size() {
        return byCode.size();
    }
}
