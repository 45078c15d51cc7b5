package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.SessionEnded;
import org.jboss.logging.Logger;

/**
 * This node's open chat connections, by room and by HTTP session: delivers each message the topic brings to the local
 * subscribers, and closes the connections of HTTP sessions that ended.
 */
@ApplicationScoped
public class LocalSessions {

    private static final Logger LOG = Logger.getLogger(LocalSessions.class);

    private final Map<String, Set<Session>> byRoom = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> byHttpSession = new ConcurrentHashMap<>();

    /** Registers a new connection under the HTTP session its handshake carried. */
    public void open(Session session, ChatPrincipal principal) {
        byHttpSession.computeIfAbsent(principal.httpSession(), s -> ConcurrentHashMap.newKeySet()).add(session);
    }

    public void join(String room, Session session) {
        byRoom.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** Returns whether the session had joined the room. */
    public boolean leave(String room, Session session) {
        Set<Session> members = byRoom.get(room);
        return members != null && members.remove(session);
    }

    public boolean isMember(String room, Session session) {
        Set<Session> members = byRoom.get(room);
        return members != null && members.contains(session);
    }

    /** Forgets a closed connection. */
    public void remove(Session session) {
        byRoom.values().forEach(members -> members.remove(session));
        if (session.getUserPrincipal() instanceof ChatPrincipal principal) {
            byHttpSession.computeIfPresent(principal.httpSession(), (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    /** Closes this node's connections of an HTTP session that ended, on whichever node it ended. */
    void close(@Observes SessionEnded ended) {
        Set<Session> sessions = byHttpSession.remove(ended.httpSession());
        if (sessions == null) {
            return;
        }
        CloseReason reason = new CloseReason(CloseCodes.VIOLATED_POLICY, "session ended");
        for (Session session : sessions) {
            try {
                session.close(reason);
            } catch (IOException e) {
                LOG.debugf("Closing connection %s failed: %s", session.getId(), e.toString());
            }
        }
    }

    /** The hand-over from the EJB module: the topic listener fires every message as a CDI event on every node. */
    void deliver(@Observes ChatMessage message) {
        Set<Session> members = byRoom.get(message.room());
        if (members == null || members.isEmpty()) {
            return;
        }
        String frame = Frames.message(message);
        for (Session session : members) {
            send(session, frame);
        }
    }

    static void send(Session session, String frame) {
        if (!session.isOpen()) {
            return;
        }
        session.getAsyncRemote().sendText(frame, result -> {
            if (!result.isOK()) {
                LOG.debugf("Send to connection %s failed: %s", session.getId(), result.getException());
            }
        });
    }
}
