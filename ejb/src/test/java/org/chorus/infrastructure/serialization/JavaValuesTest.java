package org.chorus.infrastructure.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JavaValuesTest {

    private static final ObjectInputFilter DEFAULT = ValueFilters.of(ValueFilters.DEFAULT);

    /** An application's own type: rejected unless the application allows its package. */
    record Draft(String text, int cursor) implements Serializable {
    }

    @Test
    void javaValueTypesTravelAsTextAndKeepTheirTypes() {
        ArrayList<String> drafts = new ArrayList<>(List.of("half a sentence", "\uD83D\uDE00"));
        HashMap<String, Object> nested = new HashMap<>(Map.of("at", Instant.parse("2026-01-02T03:04:05Z"), "sum",
                new BigDecimal("12.50"), "list", drafts));
        for (Serializable value : List.<Serializable>of(drafts, 42L, 7, "text", nested,
                (Serializable) List.of("immutable"))) {
            Object back = roundTrip(value, DEFAULT);
            assertEquals(value, back);
            assertEquals(value.getClass(), back.getClass());
        }
        assertArrayEquals(new int[]{1, 2, 3}, (int[]) roundTrip(new int[]{1, 2, 3}, DEFAULT));
    }

    @Test
    void theDefaultRejectsAnApplicationTypeUntilItsPackageIsAllowed() {
        Draft draft = new Draft("dear all,", 9);
        assertRejected(draft, DEFAULT);
        assertRejected(new ArrayList<>(List.of(draft)), DEFAULT); // also inside an allowed collection
        ObjectInputFilter allowing = ValueFilters.of(ValueFilters.DEFAULT.replace("!*", "org.chorus.**;!*"));
        assertEquals(draft, roundTrip(draft, allowing));
    }

    @Test
    void whatThePatternDoesNotNameIsRejectedEvenWithoutRejectAll() {
        assertRejected(new Draft("x", 0), ValueFilters.of("java.lang.*"));
        assertEquals("x", roundTrip("x", ValueFilters.of("java.lang.*;")));
        assertRejected(7, ValueFilters.of(" ")); // (a String is no class to a filter: it always passes)
    }

    @Test
    void valuesBeyondTheLimitsAreRejected() {
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 30; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        assertRejected((Serializable) deep, DEFAULT);
        assertRejected(new byte[200_000], DEFAULT); // maxarray
        ArrayList<byte[]> large = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            large.add(new byte[50_000]);
        }
        assertRejected(large, DEFAULT); // maxbytes
        assertEquals(1000, ((byte[]) roundTrip(new byte[1000], DEFAULT)).length);
    }

    @Test
    void aValueHoldingSomethingUnserializableCannotBeEncoded() {
        ArrayList<Object> holder = new ArrayList<>(List.of(new Object()));
        assertThrows(UncheckedIOException.class, () -> JavaValues.encode(holder));
    }

    @Test
    void textThatIsNoValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JavaValues.decode("bm90IGEgdmFsdWU=", DEFAULT));
    }

    private static Object roundTrip(Serializable value, ObjectInputFilter filter) {
        return JavaValues.decode(JavaValues.encode(value), filter);
    }

    private static void assertRejected(Serializable value, ObjectInputFilter filter) {
        String encoded = JavaValues.encode(value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaValues.decode(encoded,
                filter));
        assertInstanceOf(InvalidClassException.class, e.getCause(), e.toString());
    }
}
