package org.magentokafka.enrich;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a look-up's answer that are not known, each with why. Immutable; empty for a look-up that gave
 * everything it adds.
 */
public final class UnknownParts {

    public static final UnknownParts NONE = new UnknownParts(new EnumMap<>(EventPart.class));

    private final Map<EventPart, Unavailable> parts;

    private UnknownParts(EnumMap<EventPart, Unavailable> parts) {
        this.parts = Collections.unmodifiableMap(parts);
    }

    public static UnknownParts of(EventPart part, Unavailable why) {
        return NONE.with(part, why);
    }

    public UnknownParts with(EventPart part, Unavailable why) {
        EnumMap<EventPart, Unavailable> copy = new EnumMap<>(EventPart.class);
        copy.putAll(parts);
        copy.put(part, why);
        return new UnknownParts(copy);
    }

    public UnknownParts plus(UnknownParts other) {
        if (other.parts.isEmpty()) {
            return this;
        }
        EnumMap<EventPart, Unavailable> copy = new EnumMap<>(EventPart.class);
        copy.putAll(parts);
        copy.putAll(other.parts);
        return new UnknownParts(copy);
    }

    public boolean contains(EventPart part) {
        return parts.containsKey(part);
    }

    public Map<EventPart, Unavailable> asMap() {
        return parts;
    }

    /** The event's {@code unknown}: field name → reason, in the event's order of parts. */
    public Map<String, Object> toEvent() {
        Map<String, Object> out = new LinkedHashMap<>();
        parts.forEach((part, why) -> out.put(part.field(), why.reason()));
        return out;
    }

    /** Adds these to a document's {@code unknown} (kept last in the document), nothing when empty. */
    @SuppressWarnings("unchecked")
    public void addTo(Map<String, Object> document) {
        if (parts.isEmpty()) {
            return;
        }
        Object existing = document.remove("unknown");
        Map<String, Object> merged = new LinkedHashMap<>();
        if (existing instanceof Map<?, ?> map) {
            merged.putAll((Map<String, Object>) map);
        }
        merged.putAll(toEvent());
        document.put("unknown", merged);
    }

    @Override
    public String toString() {
        return toEvent().toString();
    }
}
