package org.chorus.client.frame;

import java.io.StringReader;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

/** Writes the frames a client sends as JSON text, and reads the server's frames into JSON objects. */
public final class Frames {

    /** Looked up once: {@code Json}'s static methods look the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {
    }

    /** One frame of the server; a {@code jakarta.json.JsonException} when it is not a JSON object. */
    public static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A join of {@code room}, with {@code since} when it is not negative. */
    public static String join(String room, long since) {
        var frame = JSON.createObjectBuilder().add("type", "join").add("room", room);
        if (since >= 0) {
            frame.add("since", since);
        }
        return frame.build().toString();
    }

    public static String leave(String room) {
        return JSON.createObjectBuilder().add("type", "leave").add("room", room).build().toString();
    }

    /** A message to a room ({@code kind} "send", {@code target} the room) or to a user ("direct", the user). */
    public static String message(String kind, String target, String id, String text) {
        return JSON.createObjectBuilder().add("type", kind).add(kind.equals("direct") ? "to" : "room", target).add(
                "id", id).add("text", text).build().toString();
    }

    /** The login body (JSON-P takes the password only as a String, for as long as this call). */
    public static String login(String user, char[] password) {
        return JSON.createObjectBuilder().add("user", user).add("password", new String(password)).build().toString();
    }

    /** A number field, or {@code otherwise} when it is absent or not a number. */
    public static long number(JsonObject frame, String name, long otherwise) {
        return frame.get(name) instanceof JsonNumber number ? number.longValue() : otherwise;
    }
}
