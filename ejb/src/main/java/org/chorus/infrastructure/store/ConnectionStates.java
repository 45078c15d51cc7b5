package org.chorus.infrastructure.store;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.chorus.domain.ConnectionState;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connection states in the replicated {@code connections} cache, as JSON by resume token; every write goes straight to
 * the cluster (write-through), by compare-and-set so that concurrent changes are not lost. With
 * {@code chorus.user-properties.distributed=false} they stay on the node instead (JEUS's switch): cheaper, but a
 * connection then resumes only on the node it was on.
 */
@ApplicationScoped
public class ConnectionStates {

    /** Index entries: {@code session:ID} -> the tokens of that HTTP session's connections, space separated. */
    private static final String SESSION = "session:";
    /** Markers {@code ended:ID} of HTTP sessions that ended, always in the replicated cache (every node checks). */
    private static final String ENDED = "ended:";

    @Inject
    ChatCaches caches;

    /** How long a state outlives its last change when its HTTP session does not end first. */
    @Inject
    @ConfigProperty(name = "chorus.connection.lifespan-ms", defaultValue = "86400000")
    long lifespanMs;

    /** How long the marker of an ended HTTP session stays: far longer than any node needs to see it. */
    @Inject
    @ConfigProperty(name = "chorus.session-end.marker-ms", defaultValue = "600000")
    long markerMs;

    @Inject
    @ConfigProperty(name = "chorus.user-properties.distributed", defaultValue = "true")
    boolean distributed;

    private final ConcurrentMap<String, String> local = new ConcurrentHashMap<>();

    public Optional<ConnectionState> find(String token) {
        if (token.startsWith(SESSION) || token.startsWith(ENDED)) {
            return Optional.empty(); // an index entry, not a token
        }
        String json = states().get(token);
        return json == null ? Optional.empty() : Optional.of(read(json));
    }

    public void create(String token, ConnectionState state) {
        ClusterRetry.run("connection state", () -> {
            if (distributed) {
                caches.connections().put(token, write(state), lifespanMs, TimeUnit.MILLISECONDS);
            } else {
                local.put(token, write(state));
            }
        });
        if (!state.httpSession().isEmpty()) { // a connection without an HTTP session ends with its lifespan only
            ClusterRetry.run("connection index", () -> index(state.httpSession(), token));
        }
    }

    /** Adds {@code token} to its HTTP session's index entry, by compare-and-set. */
    private void index(String httpSession, String token) {
        String key = SESSION + httpSession;
        while (true) {
            String old = states().get(key);
            if (old == null ? putIfAbsent(key, token) : replace(key, old, old + " " + token)) {
                return;
            }
        }
    }

    /** Applies {@code edit} to the state of {@code token}, if there is one. */
    public void update(String token, UnaryOperator<ConnectionState> edit) {
        ClusterRetry.run("connection state", () -> compareAndSet(token, edit));
    }

    private void compareAndSet(String token, UnaryOperator<ConnectionState> edit) {
        while (true) {
            String old = states().get(token);
            if (old == null) {
                return;
            }
            String updated = write(edit.apply(read(old)));
            if (updated.equals(old) || replace(token, old, updated)) {
                return;
            }
        }
    }

    private ConcurrentMap<String, String> states() {
        return distributed ? caches.connections() : local;
    }

    /** {@code putIfAbsent} on the states, with the lifespan when they are the replicated cache; true if it put. */
    private boolean putIfAbsent(String key, String value) {
        return (distributed
                ? caches.connections().putIfAbsent(key, value, lifespanMs, TimeUnit.MILLISECONDS)
                : local.putIfAbsent(key, value)) == null;
    }

    /** Compare-and-set on the states, with the lifespan when they are the replicated cache. */
    private boolean replace(String key, String old, String updated) {
        return distributed
                ? caches.connections().replace(key, old, updated, lifespanMs, TimeUnit.MILLISECONDS)
                : local.replace(key, old, updated);
    }

    /**
     * Marks an HTTP session as ended, cluster-wide (synchronously, so that every node's check sees it even when the
     * topic is down), and forgets every connection of it, found by the session's index entry (the tokens created with
     * it), not by reading every state.
     */
    public void removeSession(String httpSession) {
        // The value is when it ended (an empty string does not survive the cluster's ProtoStream marshalling).
        caches.connections().put(ENDED + httpSession, Instant.now().toString(), markerMs, TimeUnit.MILLISECONDS);
        String tokens = states().remove(SESSION + httpSession);
        if (tokens != null) {
            for (String token : tokens.split(" ")) {
                states().remove(token);
            }
        }
    }

    /** Whether this HTTP session ended (on any node) within the marker's lifetime; a local read. */
    public boolean ended(String httpSession) {
        return caches.connections().containsKey(ENDED + httpSession);
    }

    static String write(ConnectionState s) {
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        new TreeMap<>(s.properties()).forEach(properties::add);
        return JSON.createObjectBuilder()
                .add("user", s.user())
                .add("session", s.httpSession())
                .add("rooms", JSON.createArrayBuilder(s.rooms()))
                .add("properties", properties)
                .build()
                .toString();
    }

    static ConnectionState read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Map<String, String> properties = new TreeMap<>();
            o.getJsonObject("properties").forEach((k, v) -> properties.put(k, ((JsonString) v).getString()));
            return new ConnectionState(o.getString("user"), o.getString("session"), o.getJsonArray("rooms")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(), properties);
        }
    }
}
