package org.magentokafka.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TotpTest {

    /** Base32 of the RFC 6238 SHA1 seed "12345678901234567890". */
    private static final String SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
            "2000000000,69279037", "20000000000,65353130"})
    void rfc6238AppendixBSha1Vectors(long seconds, String eightDigits) {
        Totp raw = Totp.ofRawKey("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertEquals(eightDigits, raw.code(Instant.ofEpochSecond(seconds), 8));
        assertEquals(eightDigits.substring(2), new Totp(SEED_BASE32).code(Instant.ofEpochSecond(seconds)));
    }

    @Test
    void base32IsCaseInsensitiveAndToleratesSpacesAndPadding() {
        byte[] expected = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, Totp.decodeBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Totp.decodeBase32("MY======"));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.decodeBase32("MZXW6YTBOI======"));
    }

    @Test
    void invalidSecretIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Totp("ABC1SECRET"));
        assertFalse(e.getMessage().contains("ABC1SECRET"));
        assertFalse(new Totp(SEED_BASE32).toString().contains(SEED_BASE32));
    }
}
