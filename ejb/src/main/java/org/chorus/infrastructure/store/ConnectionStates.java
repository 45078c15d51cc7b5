package org.chorus.infrastructure.store;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.chorus.domain.ConnectionState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;

/**
 * Connection states in the replicated {@code connections} cache, as JSON by resume token; every write goes straight to
 * the cluster (write-through), by compare-and-set so that concurrent changes are not lost.
 */
@ApplicationScoped
public class ConnectionStates {

    @Inject
    ChatCaches caches;

    /** How long a state outlives its last change when its HTTP session does not end first. */
    @Inject
    @ConfigProperty(name = "chorus.connection.lifespan-ms", defaultValue = "86400000")
    long lifespanMs;

    public Optional<ConnectionState> find(String token) {
        String json = caches.connections().get(token);
        return json == null ? Optional.empty() : Optional.of(read(json));
    }

    public void create(String token, ConnectionState state) {
        caches.connections().put(token, write(state), lifespanMs, TimeUnit.MILLISECONDS);
    }

    /** Applies {@code edit} to the state of {@code token}, if there is one. */
    public void update(String token, UnaryOperator<ConnectionState> edit) {
        Cache<String, String> connections = caches.connections();
        while (true) {
            String old = connections.get(token);
            if (old == null) {
                return;
            }
            String updated = write(edit.apply(read(old)));
            if (updated.equals(old) || connections.replace(token, old, updated, lifespanMs, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** Forgets every connection of an HTTP session that ended. */
    public void removeSession(String httpSession) {
        Cache<String, String> connections = caches.connections();
        for (Map.Entry<String, String> e : List.copyOf(connections.entrySet())) {
            if (httpSession.equals(read(e.getValue()).httpSession())) {
                connections.remove(e.getKey(), e.getValue());
            }
        }
    }

    static String write(ConnectionState s) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        new TreeMap<>(s.properties()).forEach(properties::add);
        return Json.createObjectBuilder()
                .add("user", s.user())
                .add("session", s.httpSession())
                .add("rooms", Json.createArrayBuilder(s.rooms()))
                .add("properties", properties)
                .build()
                .toString();
    }

    static ConnectionState read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Map<String, String> properties = new TreeMap<>();
            o.getJsonObject("properties").forEach((k, v) -> properties.put(k, ((JsonString) v).getString()));
            return new ConnectionState(o.getString("user"), o.getString("session"), o.getJsonArray("rooms")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(), properties);
        }
    }
}
