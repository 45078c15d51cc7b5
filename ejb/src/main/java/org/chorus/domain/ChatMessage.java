package org.chorus.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat message as every node delivers it: room, client id, sender, text and the time it was accepted.
 */
public record ChatMessage(String room, String id, String from, String text, Instant ts) {

    public ChatMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ts, "ts");
    }
}
