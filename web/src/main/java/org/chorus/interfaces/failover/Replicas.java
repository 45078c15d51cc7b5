package org.chorus.interfaces.failover;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.infrastructure.serialization.JavaValues;
import org.jboss.logging.Logger;

/**
 * Keeps the user properties of {@link ReplicatedUserProperties} connections in the cluster: opens or resumes a
 * connection's state at its first handler and restores its values, and after each handler writes what changed in one
 * compare-and-set update of that state. Values that do not serialize stay on the node ({@link LocalOnlyValues}).
 */
@ApplicationScoped
public class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);
    /** Where a connection's {@link Replica} is kept: in its own user properties, under a key never replicated. */
    private static final String REPLICA = "chorus.replica";

    @Inject
    Connections connections;

    @Inject
    PropertyFilter filter;

    @Inject
    LocalOnlyValues localOnly;

    /**
     * How the chat connection was opened (its token, whether it resumed, its rooms), as the interceptor found it at the
     * connection's first handler. Throws {@link IllegalStateException} when the endpoint's handlers were not
     * intercepted, which would leave its connections without failover.
     */
    public Connections.Opened opened(Session session) {
        Replica replica = (Replica) session.getUserProperties().get(REPLICA);
        if (replica == null) {
            IllegalStateException e = new IllegalStateException("the endpoint of connection " + session.getId()
                    + " was not intercepted by " + UserPropertiesInterceptor.class.getName()
                    + ": no failover without it; is the interceptor enabled?");
            LOG.error(e.getMessage()); // the endpoint's @OnError may log no more than a debug line
            throw e;
        }
        return replica.opened();
    }

    /** The resume token of a connection opened by the interceptor, or null. */
    public static String token(Session session) {
        return (String) session.getUserProperties().get(ReplicatedUserProperties.TOKEN);
    }

    /**
     * A handler of {@code session} starts: its replica, opened first when it has none and {@code mayOpen}; null when it
     * has none and may not open one.
     */
    Replica enter(Session session, boolean mayOpen) {
        Map<String, Object> properties = session.getUserProperties();
        Replica replica = (Replica) properties.get(REPLICA);
        if (replica == null) {
            if (!mayOpen) {
                return null;
            }
            replica = open(session, properties);
        }
        replica.enter();
        return replica;
    }

    /**
     * A handler of {@code endpoint} ended: its connection's changed values are written. A failed write is logged, never
     * thrown into the handler's outcome; the next handler tries again.
     */
    void leave(Session session, Replica replica, Class<?> endpoint) {
        try {
            replica.leave(session.getUserProperties(), changes -> write(replica.opened().token(), changes, endpoint));
        } catch (RuntimeException e) {
            LOG.warnf("User properties of a connection of %s not written to the cluster, tried again after its next"
                    + " handler: %s", endpoint.getName(), e.toString());
        }
    }

    /** Opens or resumes the connection's state (user, HTTP session and {@code ?resume=} of the handshake). */
    private Replica open(Session session, Map<String, Object> properties) {
        Principal principal = session.getUserPrincipal();
        Connections.Opened opened = connections.open(principal == null ? "" : principal.getName(), parameter(session,
                HandshakeSession.PARAMETER, ""), parameter(session, "resume", null));
        opened.properties().forEach((key, encoded) -> restore(properties, key, encoded));
        properties.put(ReplicatedUserProperties.TOKEN, opened.token());
        properties.put(ReplicatedUserProperties.RESUMED, opened.resumed());
        Replica replica = new Replica(opened, properties);
        properties.put(REPLICA, replica);
        return replica;
    }

    /** A stored value into the map, unless the filter rejects it or it cannot be read: logged, and left out. */
    private void restore(Map<String, Object> properties, String key, String encoded) {
        try {
            properties.put(key, JavaValues.decode(encoded, filter.get()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("User property %s not restored (chorus.user-properties.filter): %s", key, e.getMessage());
        }
    }

    /** One compare-and-set update: serializable values put, the rest (removed, null, local-only) taken out. */
    private void write(String token, PropertyChanges changes, Class<?> endpoint) {
        Map<String, String> encoded = new HashMap<>();
        Set<String> removed = new HashSet<>(changes.removed());
        changes.changed().forEach((key, value) -> {
            String text = encode(endpoint, key, value);
            if (text == null) {
                removed.add(key); // not (or no longer) in the cluster: a resume must not bring back an older value
            } else {
                encoded.put(key, text);
            }
        });
        connections.changeProperties(token, encoded, removed);
    }

    private String encode(Class<?> endpoint, String key, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Serializable serializable)) {
            localOnly.found(endpoint, key, value, "not Serializable");
            return null;
        }
        try {
            return JavaValues.encode(serializable);
        } catch (UncheckedIOException e) {
            localOnly.found(endpoint, key, value, e.getCause().toString());
            return null;
        } catch (RuntimeException e) { // a writeObject that failed, or a collection changed while written
            localOnly.found(endpoint, key, value, e.toString());
            return null;
        }
    }

    private static String parameter(Session session, String name, String none) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? none : values.get(0);
    }
}
