package org.chorus.application;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

import org.chorus.infrastructure.serialization.JavaValues;

/**
 * A connection's user properties kept in the cluster under its resume token, each {@code put} and {@code remove}
 * written through before it returns.
 *
 * @deprecated an endpoint with {@code @ReplicatedUserProperties} (web module, {@code org.chorus.interfaces.failover})
 *             keeps the standard {@code Session.getUserProperties()} in the cluster instead; this view shares the same
 *             stored values, but what it writes reaches an open session's map only when the connection resumes.
 */
@Deprecated
public final class UserProperties {

    private final String token;
    private final Connections connections;
    private final ObjectInputFilter filter;

    UserProperties(String token, Connections connections, ObjectInputFilter filter) {
        this.token = token;
        this.connections = connections;
        this.filter = filter;
    }

    /** The value stored under {@code key}, or null; {@link IllegalArgumentException} when the filter rejects it. */
    public Serializable get(String key) {
        String encoded = connections.storedProperties(token).get(key);
        return encoded == null ? null : JavaValues.decode(encoded, filter);
    }

    public void put(String key, Serializable value) {
        connections.changeProperties(token, Map.of(key, JavaValues.encode(value)), Set.of());
    }

    public void remove(String key) {
        connections.changeProperties(token, Map.of(), Set.of(key));
    }
}
