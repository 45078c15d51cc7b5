package org.chorus.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    @Test
    void acceptsAMessageAsSentByTheLoggedInUser() {
        ChatMessage m = ChatService.accept("alice", "general", "m-1", "hello", NOW, ChatService.MAX_TEXT_CODE_POINTS);
        assertEquals(new ChatMessage("general", 0, "m-1", "alice", null, "hello", NOW), m);
    }

    @Test
    void countsCodePointsNotCharsForTheLengthLimit() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String atLimit = emoji.repeat(ChatService.MAX_TEXT_CODE_POINTS);
        assertEquals(atLimit,
                ChatService.accept("alice", "general", "m-1", atLimit, NOW, ChatService.MAX_TEXT_CODE_POINTS).text());
        assertRejected(ErrorCode.TOO_LONG, "m-1", () -> ChatService.accept("alice", "general", "m-1", atLimit + "x",
                NOW, ChatService.MAX_TEXT_CODE_POINTS));
    }

    @Test
    void anotherSystemPostsIntoRoomsOnlyAndUnderAUserName() {
        ChatService chat = new ChatService();
        assertRejected(ErrorCode.INVALID_ROOM, "b-1", () -> chat.post("build-bot", "@alice", "b-1", "x"));
        assertRejected(ErrorCode.INVALID_ROOM, "b-1", () -> chat.post("build-bot", "Bad Room", "b-1", "x"));
        assertRejected(ErrorCode.BAD_REQUEST, "b-1", () -> chat.post("build bot", "general", "b-1", "x"));
    }

    @Test
    void refusesBadRoomIdAndEmptyText() {
        assertRejected(ErrorCode.INVALID_ROOM, "m-1",
                () -> ChatService.accept("alice", "Bad Room", "m-1", "x", NOW, ChatService.MAX_TEXT_CODE_POINTS));
        assertRejected(ErrorCode.INVALID_ROOM, "m-1",
                () -> ChatService.accept("alice", "@", "m-1", "x", NOW, ChatService.MAX_TEXT_CODE_POINTS));
        assertRejected(ErrorCode.BAD_REQUEST, null,
                () -> ChatService.accept("alice", "general", "m 1", "x", NOW, ChatService.MAX_TEXT_CODE_POINTS));
        assertRejected(ErrorCode.BAD_REQUEST, "m-2",
                () -> ChatService.accept("alice", "general", "m-2", " \t", NOW, ChatService.MAX_TEXT_CODE_POINTS));
        assertRejected(ErrorCode.BAD_REQUEST, "m-3",
                () -> ChatService.accept("alice", "general", "m-3", null, NOW, ChatService.MAX_TEXT_CODE_POINTS));
    }

    private static void assertRejected(ErrorCode code, String ref, Runnable call) {
        ChatRejection e = assertThrows(ChatRejection.class, call::run);
        assertEquals(code, e.code());
        assertEquals(ref, e.ref());
    }
}
