package org.chorus.interfaces.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;

import org.chorus.domain.ChatMessage;
import org.jboss.logging.Logger;

/**
 * This node's open chat connections by room; delivers each message the topic brings to the local subscribers.
 */
@ApplicationScoped
public class LocalSessions {

    private static final Logger LOG = Logger.getLogger(LocalSessions.class);

    private final Map<String, Set<Session>> byRoom = new ConcurrentHashMap<>();

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

    /** Forgets a closed connection in every room. */
    public void remove(Session session) {
        byRoom.values().forEach(members -> members.remove(session));
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
