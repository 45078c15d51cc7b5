package org.chorus.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"hello", "tab\there", "two\nlines", "crlf\r\n", "caf\u00e9", "\uD83D\uDE00 emoji",
            "\u4f60\u597d"})
    void acceptsTextWithTabsLineBreaksAndAnyPlane(String text) {
        assertEquals(text, MessageText.check(text, 100, "m-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "lone \uD83D high", "lone \uDE00 low", "bell\u0007", "nul\u0000",
            "esc\u001b[31m", "del\u007f", "c1\u0085"})
    void refusesEmptyBlankIllFormedAndControlCharacters(String text) {
        ChatRejection e = assertThrows(ChatRejection.class, () -> MessageText.check(text, 100, "m-1"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("m-1", e.ref());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void theLimitCountsCodePoints(int limit) {
        String three = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
        assertEquals(three, MessageText.check(three, limit, null));
        assertEquals(ErrorCode.TOO_LONG, assertThrows(ChatRejection.class, () -> MessageText.check(three, 2, null))
                .code());
    }
}
