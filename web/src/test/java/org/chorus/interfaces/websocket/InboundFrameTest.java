package org.chorus.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundFrameTest {

    @Test
    void readsTypeAndFieldsAndIgnoresUnknownOnes() {
        InboundFrame f = InboundFrame.parse(
                "{\"type\":\"send\",\"room\":\"general\",\"id\":\"m-1\",\"text\":\"hi\",\"from\":\"mallory\",\"x\":1}");
        assertEquals("send", f.type());
        assertEquals("general", f.string("room"));
        assertEquals("hi", f.string("text"));
        assertNull(f.optional("missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "nope", "[]", "42", "null", "{\"type\":1}", "{\"type\":null}", "{}",
            "{\"type\":\"a\"} trailing"})
    void refusesWhatIsNotAnObjectWithAStringType(String text) {
        ChatRejection e = assertThrows(ChatRejection.class, () -> InboundFrame.parse(text));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void refusesNestingDeeperThanTheParserAllows() {
        String deep = "{\"type\":\"send\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ChatRejection.class, () -> InboundFrame.parse(deep)).code());
    }

    @Test
    void integersAreCheckedForTypeRangeAndSize() {
        InboundFrame f = InboundFrame.parse("{\"type\":\"join\",\"since\":41,\"big\":1e400,\"neg\":-1,\"frac\":1.5,"
                + "\"huge\":99999999999999999999,\"max\":9223372036854775807,\"text\":\"7\"}");
        assertEquals(41L, f.optionalLong("since", 0, Long.MAX_VALUE - 1));
        assertNull(f.optionalLong("absent", 0, 10));
        for (String name : new String[]{"big", "neg", "frac", "huge", "max", "text"}) {
            ChatRejection e = assertThrows(ChatRejection.class, () -> f.optionalLong(name, 0, Long.MAX_VALUE - 1),
                    name);
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequestNamingTheClientId() {
        InboundFrame f = InboundFrame.parse("{\"type\":\"send\",\"room\":[1],\"id\":\"m-9\"}");
        ChatRejection e = assertThrows(ChatRejection.class, () -> f.string("room"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("m-9", e.ref());
    }
}
