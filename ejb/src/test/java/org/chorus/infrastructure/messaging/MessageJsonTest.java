package org.chorus.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.chorus.domain.ChatMessage;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    @Test
    void roundTripsEveryFieldIncludingAwkwardText() {
        ChatMessage m = new ChatMessage("general", 41, "m-1", "alice", null,
                "quote \" backslash \\ newline \n emoji \uD83D\uDE00", Instant.parse("2026-11-21T10:15:30.123Z"));
        assertEquals(m, MessageJson.read(MessageJson.write(m)));
    }

    @Test
    void roundTripsADirectMessage() {
        ChatMessage m = new ChatMessage("@bob", 7, "m-2", "alice", "bob", "psst",
                Instant.parse("2026-11-21T10:15:30Z"));
        assertEquals(m, MessageJson.read(MessageJson.write(m)));
    }

    @Test
    void writesTheProtocolFieldNames() {
        String json = MessageJson.write(new ChatMessage("r", 3, "i", "f", null, "t", Instant.parse(
                "2026-01-01T00:00:00Z")));
        assertEquals(
                "{\"room\":\"r\",\"seq\":3,\"id\":\"i\",\"from\":\"f\",\"text\":\"t\",\"ts\":\"2026-01-01T00:00:00Z\"}",
                json);
    }
}
