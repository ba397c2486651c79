package org.magentokafka.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON the way Magento writes it: PHP's json_encode with default flags escapes "/" as "\/" and
 * every non-ASCII character as \\uXXXX. Clients must cope with both, so the sandbox does it too.
 */
final class MagentoJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectMapper WRITER = new ObjectMapper();

    static {
        WRITER.getFactory().setCharacterEscapes(new PhpEscapes());
    }

    private MagentoJson() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class PhpEscapes extends CharacterEscapes {
        private static final SerializedString SLASH = new SerializedString("\\/");
        private final int[] asciiEscapes;

        PhpEscapes() {
            asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();
            asciiEscapes['/'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '/') {
                return SLASH;
            }
            // Characters outside the BMP arrive here once per UTF-16 unit, as json_encode writes them.
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
