package org.chorus.baseline;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The benchmark's baseline: the Chorus frames join, send and ping answered by a bare broadcast to the room's sessions
 * on this node, with no login, JMS, Infinispan or history, so that a run against it shows what the server and the
 * machine can do at best with the same load.
 */
@ServerEndpoint("/chat")
public class BroadcastEndpoint {

    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> SEQS = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session) {
        session.getAsyncRemote().sendText(Json.createObjectBuilder().add("type", "welcome").add("user", "baseline")
                .add("node", System.getProperty("jboss.node.name", "baseline")).add("resume", session.getId()).add(
                        "resumed", false)
                .add("rooms", Json.createArrayBuilder()).build().toString());
    }

    @OnMessage
    public void message(Session session, String text) {
        JsonObject frame = Json.createReader(new StringReader(text)).readObject();
        String room = frame.getString("room", "");
        switch (frame.getString("type", "")) {
            case "join" -> {
                ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
                reply(session, Json.createObjectBuilder().add("type", "joined").add("room", room).add("seq", seq(room)
                        .get()).add("members", Json.createArrayBuilder()).add("truncated", false).build().toString());
            }
            case "send" -> {
                long seq = seq(room).incrementAndGet();
                String id = frame.getString("id", "");
                String message = Json.createObjectBuilder().add("type", "message").add("room", room).add("seq", seq)
                        .add("id", id).add("from", "baseline").add("text", frame.getString("text", "")).add("ts",
                                Instant.now().toString())
                        .build().toString();
                for (Session member : ROOMS.getOrDefault(room, Set.of())) {
                    reply(member, message);
                }
                reply(session, Json.createObjectBuilder().add("type", "ack").add("id", id).add("room", room).add("seq",
                        seq).build().toString());
            }
            case "ping" -> reply(session, "{\"type\":\"pong\"}");
            default ->
                reply(session, "{\"type\":\"error\",\"code\":\"bad_request\",\"message\":\"not in the baseline\"}");
        }
    }

    @OnClose
    public void close(Session session) {
        ROOMS.values().forEach(members -> members.remove(session));
    }

    private static AtomicLong seq(String room) {
        return SEQS.computeIfAbsent(room, r -> new AtomicLong());
    }

    private static void reply(Session session, String text) {
        if (session.isOpen()) {
            session.getAsyncRemote().sendText(text);
        }
    }
}
