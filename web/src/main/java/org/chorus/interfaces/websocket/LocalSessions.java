package org.chorus.interfaces.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.application.RoomService;
import org.chorus.domain.Partition;
import org.chorus.domain.SessionEnded;
import org.chorus.interfaces.failover.Replicas;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This node's open chat connections by HTTP session, and their rooms through {@link RoomFeeds}: joins and leaves with
 * presence and the connections' cluster state, and closes the connections of a session that ended.
 */
@ApplicationScoped
public class LocalSessions {

    private static final Logger LOG = Logger.getLogger(LocalSessions.class);

    private final Map<String, Set<Session>> byHttpSession = new ConcurrentHashMap<>();

    @Inject
    RoomService rooms;

    @Inject
    RoomFeeds feeds;

    @Inject
    Connections connections;

    @Inject
    @ConfigProperty(name = "chorus.presence.grace-ms", defaultValue = "5000")
    long graceMs;

    @Inject
    Ticker ticker;

    private volatile boolean apart;

    /** True from the moment this node found itself on a minority until it merged again: no new connection. */
    public boolean apart() {
        return apart;
    }

    /** Server shutdown (or undeploy): every connection is told to go elsewhere at once (1001). */
    @PreDestroy
    void stop() {
        CloseReason reason = new CloseReason(CloseCodes.GOING_AWAY, "server shutting down");
        byHttpSession.values().forEach(sessions -> sessions.forEach(session -> Outbound.close(session, reason)));
    }

    /**
     * This node is on the minority side of a split (issue 16): its caches refuse reads and writes until the split
     * heals, so every connection is told to go elsewhere (1001) and resumes on a node of the majority.
     */
    void partitioned(@Observes Partition partition) {
        apart = !partition.available();
        if (apart) {
            CloseReason reason = new CloseReason(CloseCodes.GOING_AWAY,
                    "this node is cut off from most of its cluster");
            byHttpSession.values().forEach(sessions -> sessions.forEach(session -> Outbound.close(session, reason)));
        }
    }

    /** Registers a new connection under the HTTP session its handshake carried (its token is in its properties). */
    public void open(Session session, ChatPrincipal principal) {
        byHttpSession.computeIfAbsent(principal.httpSession(), s -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /**
     * Subscribes a connection to a room: presence and the connection's cluster state first, then {@code joined}, the
     * replay and the live messages. Returns how many messages it replayed.
     */
    public int join(Session session, String room, Long since) {
        String user = session.getUserPrincipal().getName();
        rooms.joined(room, user, session.getId());
        connections.joined(token(session), room);
        return feeds.join(session, room, since, rooms.members(room));
    }

    /**
     * Unsubscribes a connection on its request: the user's presence goes at once if this was the last one. Returns
     * whether it was a member.
     */
    public boolean leave(Session session, String room) {
        connections.left(token(session), room);
        if (feeds.leave(session, room)) {
            rooms.left(room, session.getUserPrincipal().getName(), session.getId());
            return true;
        }
        return false;
    }

    public boolean isMember(String room, Session session) {
        return feeds.isMember(room, session);
    }

    /** The HTTP sessions that have connections on this node. */
    Set<String> httpSessions() {
        return byHttpSession.keySet();
    }

    /** Every open connection on this node. */
    Stream<Session> all() {
        return byHttpSession.values().stream().flatMap(Set::stream);
    }

    /** How many chat connections are open on this node. */
    public long count() {
        return all().count();
    }

    /**
     * Forgets a closed connection. Its rooms stay in its cluster state for a resume; its presence goes after
     * {@code chorus.presence.grace-ms}, so that a user who resumes meanwhile (on any node) is never reported offline
     * and online again.
     */
    public void remove(Session session) {
        String user = session.getUserPrincipal().getName();
        feeds.leaveAll(session, room -> afterGrace(() -> rooms.left(room, user, session.getId())));
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
        sessions.forEach(session -> Outbound.close(session, reason));
    }

    private void afterGrace(Runnable task) {
        try {
            ticker.executor().schedule(task, graceMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The coordinator's sweep removes this node's presence once it has left the view.
            LOG.debugf("Presence not removed on shutdown: %s", shuttingDown.toString());
        }
    }

    static String token(Session session) {
        return Replicas.token(session);
    }
}
