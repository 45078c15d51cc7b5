package org.chorus.interfaces.websocket;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.HistoryPage;
import org.chorus.domain.Presence;
import org.chorus.domain.Typing;
import org.chorus.domain.ErrorCode;
import org.chorus.infrastructure.messaging.MessageJson;

/**
 * Builds the server-to-client frames of the protocol as JSON text.
 */
public final class Frames {

    private Frames() {
    }

    /**
     * The first frame of a connection; {@code heartbeat} tells the client how often the server pings and how long it
     * waits for an answer (absent when the server does not ping), so that it can tell a silent server from a quiet
     * room.
     */
    public static String welcome(String user, String node, String resume, boolean resumed, List<String> rooms,
            long pingIntervalMs, long pongTimeoutMs) {
        var welcome = frame("welcome").add("user", user)
                .add("node", node)
                .add("resume", resume)
                .add("resumed", resumed)
                .add("rooms", JSON.createArrayBuilder(rooms));
        if (pingIntervalMs > 0) {
            welcome.add("heartbeat", JSON.createObjectBuilder().add("interval", pingIntervalMs).add("timeout",
                    pongTimeoutMs));
        }
        return welcome.build().toString();
    }

    public static String joined(String room, long seq, List<String> members, boolean truncated) {
        return frame("joined").add("room", room)
                .add("seq", seq)
                .add("members", JSON.createArrayBuilder(members))
                .add("truncated", truncated)
                .build()
                .toString();
    }

    public static String left(String room) {
        return frame("left").add("room", room).build().toString();
    }

    public static String message(ChatMessage m) {
        return frame("message").addAll(MessageJson.fields(m)).build().toString();
    }

    public static String ack(Ack ack) {
        return frame("ack").add("id", ack.id()).add("room", ack.room()).add("seq", ack.seq()).build().toString();
    }

    public static String history(HistoryPage page) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        page.messages().forEach(m -> messages.add(frame("message").addAll(MessageJson.fields(m))));
        return frame("history").add("room", page.room())
                .add("messages", messages)
                .add("more", page.more())
                .build()
                .toString();
    }

    public static String presence(Presence p) {
        return frame("presence").add("room", p.room())
                .add("user", p.user())
                .add("status", p.online() ? "online" : "offline")
                .build()
                .toString();
    }

    public static String typing(Typing t) {
        return frame("typing").add("room", t.room()).add("user", t.user()).build().toString();
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
        return JSON.createObjectBuilder().add("type", type);
    }
}
