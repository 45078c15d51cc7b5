package org.chorus.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.chorus.client.frame.Frames;

/** The server's frames as the API's records; an absent field reads as null, empty or -1. */
final class Decode {

    private Decode() {
    }

    static Welcome welcome(JsonObject frame) {
        return new Welcome(frame.getString("user", null), frame.getString("node", null), frame.getBoolean("resumed",
                false), strings(frame, "rooms"));
    }

    static Joined joined(JsonObject frame) {
        return new Joined(frame.getString("room", null), Frames.number(frame, "seq", -1), strings(frame, "members"),
                frame.getBoolean("truncated", false));
    }

    static ChatMessage message(JsonObject frame) {
        return new ChatMessage(frame.getString("room", null), Frames.number(frame, "seq", -1), frame.getString("id",
                null), frame.getString("from", null), frame.getString("to", null), frame.getString("text", null),
                instant(frame.getString("ts", null)));
    }

    static Ack ack(JsonObject frame) {
        return new Ack(frame.getString("id", null), frame.getString("room", null), Frames.number(frame, "seq", -1));
    }

    static ChatErrorException error(JsonObject frame) {
        return new ChatErrorException(frame.getString("code", ""), frame.getString("message", null), frame.getString(
                "ref", null));
    }

    /** {@code interval + timeout} of the welcome's heartbeat in milliseconds, or 0 when it has none. */
    static long silenceMillis(JsonObject welcome) {
        if (!(welcome.get("heartbeat") instanceof JsonObject heartbeat)) {
            return 0;
        }
        long interval = Frames.number(heartbeat, "interval", 0);
        return interval <= 0 ? 0 : interval + Math.max(0, Frames.number(heartbeat, "timeout", 0));
    }

    private static List<String> strings(JsonObject frame, String name) {
        if (!(frame.get(name) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }

    private static Instant instant(String ts) {
        try {
            return ts == null ? null : Instant.parse(ts);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
