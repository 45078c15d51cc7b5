package org.chorus.it;

import java.io.IOException;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.chorus.interfaces.failover.ReplicatedUserProperties;

/**
 * Test-only, and the README's example: a plain Jakarta WebSocket endpoint that keeps a counter and a draft in
 * {@code Session.getUserProperties()}, which fail over because of {@link ReplicatedUserProperties}. Commands:
 * {@code inc}, {@code draft:TEXT}, {@code note:TEXT} (an application type, {@link Note}), {@code local} (a value that
 * does not serialize), {@code read}. Each is answered with the map's values ({@code type} {@code state}) as the
 * method's return value, which the container sends after the method, and so the interceptor's write, returned; the
 * connection's first frame ({@code opened}) is what it found in the map before its first handler.
 */
@ServerEndpoint(CounterEndpoint.PATH)
@ReplicatedUserProperties
public class CounterEndpoint {

    /** The endpoint's path in the application. */
    public static final String PATH = "/test/counter";

    /** The same, relative to the application's base URL, as a client resolves it. */
    public static final String RELATIVE = PATH.substring(1);

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText(state("opened", session.getUserProperties()));
    }

    @OnMessage
    public String command(Session session, String command) {
        Map<String, Object> properties = session.getUserProperties();
        if (command.equals("inc")) {
            properties.put("count", (Integer) properties.getOrDefault("count", 0) + 1);
        } else if (command.startsWith("draft:")) {
            properties.put("draft", command.substring("draft:".length()));
        } else if (command.startsWith("note:")) {
            properties.put("note", new Note(command.substring("note:".length())));
        } else if (command.equals("local")) {
            properties.put("local", new Object()); // as a socket or a thread would be: not serializable
        }
        return state("state", properties);
    }

    private static String state(String type, Map<String, Object> properties) {
        JsonObjectBuilder state = Json.createObjectBuilder().add("type", type);
        // Null when the interceptor did not run: the tests say so.
        Object token = properties.get(ReplicatedUserProperties.TOKEN);
        state.add("intercepted", token != null).add("resume", String.valueOf(token)).add("resumed", Boolean.TRUE
                .equals(properties.get(ReplicatedUserProperties.RESUMED)));
        if (properties.get("count") instanceof Integer count) {
            state.add("count", count);
        }
        if (properties.get("draft") instanceof String draft) {
            state.add("draft", draft);
        }
        if (properties.get("note") instanceof Note note) {
            state.add("note", note.text());
        }
        return state.add("local", properties.containsKey("local")).build().toString();
    }
}
