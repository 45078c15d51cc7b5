package org.chorus.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.Names;
import org.chorus.domain.SessionEnded;
import org.chorus.infrastructure.messaging.ChatTopic;

/**
 * Accepts a message for a room and hands it to the cluster-wide topic, from which every node delivers it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatService {

    /** The protocol's default for {@code chorus.max-text-chars}. */
    static final int MAX_TEXT_CODE_POINTS = 4000;

    private final Clock clock = Clock.systemUTC();

    @Inject
    ChatTopic topic;

    /**
     * Validates and publishes a message from {@code user}; returns the message as every node will deliver it.
     */
    public ChatMessage post(String user, String room, String id, String text) {
        ChatMessage message = accept(user, room, id, text, clock.instant());
        topic.publish(message);
        return message;
    }

    /** Announces to every node that an HTTP session ended; each closes the WebSockets opened with it. */
    public void sessionEnded(String httpSession) {
        topic.publish(new SessionEnded(httpSession));
    }

    static ChatMessage accept(String user, String room, String id, String text, Instant now) {
        if (!Names.isClientId(id)) {
            throw new ChatRejection(ErrorCode.BAD_REQUEST, "id must be 1 to 64 of [A-Za-z0-9_-]", null);
        }
        if (!Names.isRoom(room)) {
            throw new ChatRejection(ErrorCode.INVALID_ROOM, "not a room name: " + room, id);
        }
        if (text == null || text.isBlank()) {
            throw new ChatRejection(ErrorCode.BAD_REQUEST, "text must not be empty", id);
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_CODE_POINTS) {
            throw new ChatRejection(ErrorCode.TOO_LONG, "text is longer than " + MAX_TEXT_CODE_POINTS + " characters",
                    id);
        }
        return new ChatMessage(room, id, user, text, now);
    }
}
