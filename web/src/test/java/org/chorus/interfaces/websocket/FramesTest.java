package org.chorus.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.Presence;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void messageCarriesTheProtocolFieldsAndEscapesText() {
        ChatMessage m = new ChatMessage("general", 58, "m-1", "alice", null, "<img src=x onerror=alert(1)> \"q\"",
                Instant.parse("2026-11-21T10:15:30.123Z"));
        assertEquals("{\"type\":\"message\",\"room\":\"general\",\"seq\":58,\"id\":\"m-1\",\"from\":\"alice\","
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
    void ackJoinedAndPresenceCarryTheirFields() {
        assertEquals("{\"type\":\"ack\",\"id\":\"m-1\",\"room\":\"general\",\"seq\":58}", Frames.ack(new Ack("m-1",
                "general", 58)));
        assertEquals("{\"type\":\"joined\",\"room\":\"general\",\"seq\":57,\"members\":[\"alice\",\"bob\"],"
                + "\"truncated\":false}", Frames.joined("general", 57, List.of("alice", "bob"), false));
        assertEquals("{\"type\":\"presence\",\"room\":\"general\",\"user\":\"bob\",\"status\":\"offline\"}", Frames
                .presence(new Presence("general", "bob", false)));
    }

    @Test
    void welcomeSaysNothingWasResumedAndHowTheServerPings() {
        assertEquals(
                "{\"type\":\"welcome\",\"user\":\"bob\",\"node\":\"node2\",\"resume\":\"t0k3n\",\"resumed\":false,\"rooms\":[],"
                        + "\"heartbeat\":{\"interval\":25000,\"timeout\":10000}}",
                Frames.welcome("bob", "node2", "t0k3n", false, List.of(), 25000, 10000));
    }

    @Test
    void welcomeHasNoHeartbeatWhenTheServerDoesNotPing() {
        assertEquals(
                "{\"type\":\"welcome\",\"user\":\"bob\",\"node\":\"node2\",\"resume\":\"t0k3n\",\"resumed\":true,\"rooms\":[\"a\"]}",
                Frames.welcome("bob", "node2", "t0k3n", true, List.of("a"), 0, 10000));
    }
}
