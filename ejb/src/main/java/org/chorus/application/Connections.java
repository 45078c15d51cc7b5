package org.chorus.application;

import java.io.ObjectInputFilter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.ConnectionState;
import org.chorus.infrastructure.serialization.ValueFilters;
import org.chorus.infrastructure.store.ConnectionStates;

/**
 * WebSocket session failover: opens a connection fresh or resumes an earlier one of the same HTTP session and user (its
 * rooms and user properties, kept in the cluster), and keeps that state current as the connection joins and leaves
 * rooms.
 */
@ApplicationScoped
public class Connections {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ConnectionStates states;

    /**
     * The outcome of opening: the token for the next reconnect, whether a state was found, its rooms and its user
     * properties (serialized, Base64, by key).
     */
    public record Opened(String token, boolean resumed, List<String> rooms, Map<String, String> properties) {

        public Opened {
            rooms = List.copyOf(rooms);
            properties = Map.copyOf(properties);
        }
    }

    /**
     * Resumes {@code requested} when it names a connection of the same user and HTTP session; otherwise (unknown,
     * expired, another session's or user's) starts fresh with a new token. A connection without a login has the user
     * {@code ""}, one without an HTTP session the session {@code ""}: then the token alone identifies it.
     */
    public Opened open(String user, String httpSession, String requested) {
        if (requested != null) {
            Optional<ConnectionState> earlier = states.find(requested);
            if (earlier.isPresent() && earlier.get().user().equals(user) && earlier.get().httpSession().equals(
                    httpSession)) {
                return new Opened(requested, true, earlier.get().rooms(), earlier.get().properties());
            }
        }
        String token = newToken();
        states.create(token, new ConnectionState(user, httpSession, List.of(), Map.of()));
        return new Opened(token, false, List.of(), Map.of());
    }

    public void joined(String token, String room) {
        states.update(token, s -> s.rooms().contains(room) ? s : withRooms(s, add(s.rooms(), room)));
    }

    public void left(String token, String room) {
        states.update(token, s -> withRooms(s, s.rooms().stream().filter(r -> !r.equals(room)).toList()));
    }

    /**
     * Changes the user properties of a connection in one compare-and-set update of its state: {@code changed} values
     * (serialized, Base64) put, {@code removed} keys taken out. Nothing is written when that changes nothing.
     */
    public void changeProperties(String token, Map<String, String> changed, Set<String> removed) {
        states.update(token, s -> {
            Map<String, String> properties = new HashMap<>(s.properties());
            properties.putAll(changed);
            properties.keySet().removeAll(removed);
            return new ConnectionState(s.user(), s.httpSession(), s.rooms(), properties);
        });
    }

    /** The stored user properties of a connection (serialized, Base64, by key); empty when it has no state. */
    public Map<String, String> storedProperties(String token) {
        return states.find(token).map(ConnectionState::properties).orElse(Map.of());
    }

    /**
     * The user properties of a connection, by its token, read through the default filter
     * ({@link ValueFilters#DEFAULT}).
     *
     * @deprecated put values into {@code Session.getUserProperties()} of an endpoint with
     *             {@code @ReplicatedUserProperties} instead.
     */
    @Deprecated
    public UserProperties properties(String token) {
        return properties(token, ValueFilters.of(ValueFilters.DEFAULT));
    }

    /**
     * The user properties of a connection, by its token, read through {@code filter}.
     *
     * @deprecated put values into {@code Session.getUserProperties()} of an endpoint with
     *             {@code @ReplicatedUserProperties} instead.
     */
    @Deprecated
    public UserProperties properties(String token, ObjectInputFilter filter) {
        return new UserProperties(token, this, filter);
    }

    /**
     * Records in the cluster that an HTTP session ended and forgets its connections: their tokens resume nothing any
     * more, and every node's {@link #ended} check sees it.
     */
    public void sessionEnded(String httpSession) {
        states.removeSession(httpSession);
    }

    /** Whether an HTTP session ended, on any node (read from this node's replica). */
    public boolean ended(String httpSession) {
        return states.ended(httpSession);
    }

    private static ConnectionState withRooms(ConnectionState s, List<String> rooms) {
        return new ConnectionState(s.user(), s.httpSession(), rooms, s.properties());
    }

    private static List<String> add(List<String> rooms, String room) {
        List<String> more = new ArrayList<>(rooms);
        more.add(room);
        return more;
    }

    private static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
