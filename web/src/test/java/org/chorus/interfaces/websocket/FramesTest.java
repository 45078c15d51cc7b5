package org.chorus.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void messageCarriesTheProtocolFieldsAndEscapesText() {
        ChatMessage m = new ChatMessage("general", "m-1", "alice", "<img src=x onerror=alert(1)> \"q\"", Instant.parse(
                "2026-11-21T10:15:30.123Z"));
        assertEquals("{\"type\":\"message\",\"room\":\"general\",\"id\":\"m-1\",\"from\":\"alice\","
                + "\"text\":\"<img src=x onerror=alert(1)> \\\"q\\\"\",\"ts\":\"2026-11-21T10:15:30.123Z\"}",
                Frames
                        .message(m));
    }

    @Test
    void errorCarriesCodeMessageAndRefOnlyWhenKnown() {
        assertEquals("{\"type\":\"error\",\"code\":\"not_member\",\"message\":\"join general first\",\"ref\":\"m-1\"}",
                Frames.error(ErrorCode.NOT_MEMBER, "join general first", "m-1"));
        assertEquals("{\"type\":\"error\",\"code\":\"bad_request\",\"message\":\"not valid JSON\"}", Frames.error(
                ErrorCode.BAD_REQUEST, "not valid JSON", null));
    }

    @Test
    void welcomeSaysNothingWasResumed() {
        assertEquals("{\"type\":\"welcome\",\"user\":\"bob\",\"node\":\"node2\",\"resumed\":false,\"rooms\":[]}",
                Frames.welcome("bob", "node2"));
    }
}
