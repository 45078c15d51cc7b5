package org.chorus.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat message as every node delivers it: its room (or inbox) and place in it, client id, sender, the recipient of
 * a direct message, text and the time it was accepted.
 */
public record ChatMessage(String room, long seq, String id, String from, String to, String text, Instant ts) {

    public ChatMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ts, "ts");
    }

    /** A message of a shared room, not yet stored (seq 0). */
    public static ChatMessage draft(String room, String id, String from, String text, Instant ts) {
        return new ChatMessage(room, 0, id, from, null, text, ts);
    }

    /** The same message as stored at {@code seq} of its room. */
    public ChatMessage at(long seq) {
        return new ChatMessage(room, seq, id, from, to, text, ts);
    }

    /** The same message in another room (the copy of a direct message in an inbox). */
    public ChatMessage in(String otherRoom) {
        return new ChatMessage(otherRoom, 0, id, from, to, text, ts);
    }
}
