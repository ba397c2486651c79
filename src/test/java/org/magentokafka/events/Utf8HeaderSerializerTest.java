package org.magentokafka.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8HeaderSerializerTest {

    private final Utf8HeaderSerializer serializer = new Utf8HeaderSerializer();

    @Test
    void textIsUtf8WhateverThePlatformCharset() {
        // HeaderEncodingIT runs the app under US-ASCII; here the bytes must be UTF-8 whatever this JVM's default.
        assertArrayEquals("Größe-€-東京".getBytes(StandardCharsets.UTF_8), serializer.serialize("ce_subject", "Größe-€-東京"));
        assertArrayEquals("true".getBytes(StandardCharsets.UTF_8), serializer.serialize("flag", Boolean.TRUE));
    }

    @Test
    void numbersAndBytesKeepCamelsEncoding() {
        assertArrayEquals(ByteBuffer.allocate(8).putLong(42L).array(), serializer.serialize("n", 42L));
        assertArrayEquals(new byte[] {1, 2}, serializer.serialize("b", new byte[] {1, 2}));
    }
}
