package org.chorus.application;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.ConnectionState;
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

    /** The outcome of opening: the token for the next reconnect, whether a state was found, its rooms. */
    public record Opened(String token, boolean resumed, List<String> rooms) {
    }

    /**
     * Resumes {@code requested} when it names a connection of the same user and HTTP session; otherwise (unknown,
     * expired, another session's or user's) starts fresh with a new token.
     */
    public Opened open(String user, String httpSession, String requested) {
        if (requested != null) {
            Optional<ConnectionState> earlier = states.find(requested);
            if (earlier.isPresent() && earlier.get().user().equals(user) && earlier.get().httpSession().equals(
                    httpSession)) {
                return new Opened(requested, true, earlier.get().rooms());
            }
        }
        String token = newToken();
        states.create(token, new ConnectionState(user, httpSession, List.of(), Map.of()));
        return new Opened(token, false, List.of());
    }

    public void joined(String token, String room) {
        states.update(token, s -> s.rooms().contains(room) ? s : withRooms(s, add(s.rooms(), room)));
    }

    public void left(String token, String room) {
        states.update(token, s -> withRooms(s, s.rooms().stream().filter(r -> !r.equals(room)).toList()));
    }

    /** The user properties of a connection, by its token. */
    public UserProperties properties(String token) {
        return new UserProperties(token, states);
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
