package org.chorus.infrastructure.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.ConnectionEntry;
import org.chorus.cache.SavedConnection;
import org.chorus.cache.SessionEnd;
import org.chorus.cache.SessionTokens;
import org.chorus.cache.UserProperty;
import org.chorus.domain.ConnectionState;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connection states in the replicated {@code connections} cache by resume token; every write goes straight to the
 * cluster (write-through), by compare-and-set so that concurrent changes are not lost. With
 * {@code chorus.user-properties.distributed=false} they stay on the node instead (JEUS's switch): cheaper, but a
 * connection then resumes only on the node it was on.
 */
@ApplicationScoped
public class ConnectionStates {

    /** Index entries: {@code session:ID} -> the tokens of that HTTP session's connections. */
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

    private final ConcurrentMap<String, ConnectionEntry> local = new ConcurrentHashMap<>();

    /** The state of the connection with resume token {@code token}; empty for any other key (an index entry). */
    public Optional<ConnectionState> find(String token) {
        return states().get(token) instanceof SavedConnection saved ? Optional.of(state(saved)) : Optional.empty();
    }

    public void create(String token, ConnectionState state) {
        ClusterRetry.run("connection state", () -> {
            if (distributed) {
                caches.connections().put(token, saved(state), lifespanMs, TimeUnit.MILLISECONDS);
            } else {
                local.put(token, saved(state));
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
            ConnectionEntry old = states().get(key);
            SessionTokens next = old instanceof SessionTokens tokens
                    ? tokens.with(token)
                    : new SessionTokens(List.of(token)); // (anything else under the key is replaced)
            if (old == null ? putIfAbsent(key, next) : replace(key, old, next)) {
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
            if (!(states().get(token) instanceof SavedConnection old)) {
                return;
            }
            SavedConnection updated = saved(edit.apply(state(old)));
            if (updated.equals(old) || replace(token, old, updated)) {
                return;
            }
        }
    }

    private ConcurrentMap<String, ConnectionEntry> states() {
        return distributed ? caches.connections() : local;
    }

    /** {@code putIfAbsent} on the states, with the lifespan when they are the replicated cache; true if it put. */
    private boolean putIfAbsent(String key, ConnectionEntry value) {
        return (distributed
                ? caches.connections().putIfAbsent(key, value, lifespanMs, TimeUnit.MILLISECONDS)
                : local.putIfAbsent(key, value)) == null;
    }

    /** Compare-and-set on the states, with the lifespan when they are the replicated cache. */
    private boolean replace(String key, ConnectionEntry old, ConnectionEntry updated) {
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
        caches.connections().put(ENDED + httpSession, new SessionEnd(System.currentTimeMillis()), markerMs,
                TimeUnit.MILLISECONDS);
        if (states().remove(SESSION + httpSession) instanceof SessionTokens tokens) {
            tokens.tokens().forEach(states()::remove);
        }
    }

    /** Whether this HTTP session ended (on any node) within the marker's lifetime; a local read. */
    public boolean ended(String httpSession) {
        return caches.connections().containsKey(ENDED + httpSession);
    }

    /** The state as the cache holds it, its properties in name order. */
    static SavedConnection saved(ConnectionState s) {
        return new SavedConnection(s.user(), s.httpSession(), s.rooms(), new TreeMap<>(s.properties()).entrySet()
                .stream().map(p -> new UserProperty(p.getKey(), p.getValue())).toList());
    }

    static ConnectionState state(SavedConnection saved) {
        Map<String, String> properties = new TreeMap<>();
        saved.properties().forEach(p -> properties.put(p.name(), p.value()));
        return new ConnectionState(saved.user(), saved.httpSession(), saved.rooms(), properties);
    }
}
