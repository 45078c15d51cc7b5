package org.chorus.interfaces.websocket;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.ErrorCode;
import org.chorus.infrastructure.messaging.MessageJson;

/**
 * Builds the server-to-client frames of the protocol as JSON text.
 */
public final class Frames {

    private Frames() {
    }

    public static String welcome(String user, String node) {
        return frame("welcome").add("user", user)
                .add("node", node)
                .add("resumed", false)
                .add("rooms", Json.createArrayBuilder())
                .build()
                .toString();
    }

    public static String joined(String room) {
        return frame("joined").add("room", room).build().toString();
    }

    public static String left(String room) {
        return frame("left").add("room", room).build().toString();
    }

    public static String message(ChatMessage m) {
        return frame("message").addAll(MessageJson.fields(m)).build().toString();
    }

    public static String ack(ChatMessage m) {
        return frame("ack").add("id", m.id()).add("room", m.room()).build().toString();
    }

    public static String pong() {
        return frame("pong").build().toString();
    }

    public static String error(ErrorCode code, String message, String ref) {
        JsonObjectBuilder b = frame("error").add("code", code.wire()).add("message", message);
        if (ref != null) {
            b.add("ref", ref);
        }
        return b.build().toString();
    }

    private static JsonObjectBuilder frame(String type) {
        return Json.createObjectBuilder().add("type", type);
    }
}
