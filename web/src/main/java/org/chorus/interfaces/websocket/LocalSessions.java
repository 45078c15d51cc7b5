package org.chorus.interfaces.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.application.RoomService;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.Presence;
import org.chorus.domain.SessionEnded;
import org.chorus.domain.Typing;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This node's open chat connections, by room ({@link RoomFeed}) and by HTTP session: acts on what the topic brings
 * (messages, presence, typing, the end of a session) for the local connections it concerns.
 */
@ApplicationScoped
public class LocalSessions {

    private static final Logger LOG = Logger.getLogger(LocalSessions.class);
    private static final String TOKEN = "chorus.resume";

    private final Map<String, RoomFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> byHttpSession = new ConcurrentHashMap<>();

    @Inject
    RoomService rooms;

    @Inject
    Connections connections;

    @Inject
    @ConfigProperty(name = "chorus.presence.grace-ms", defaultValue = "5000")
    long graceMs;

    @Inject
    Ticker ticker;

    private ScheduledFuture<?> catchUp;
    private volatile long caughtUp = System.currentTimeMillis();

    @PostConstruct
    void start() {
        catchUp = ticker.executor().scheduleWithFixedDelay(this::catchUp, 1, 1, TimeUnit.SECONDS);
    }

    /** Server shutdown (or undeploy): every connection is told to go elsewhere at once (1001). */
    @PreDestroy
    void stop() {
        catchUp.cancel(false);
        CloseReason reason = new CloseReason(CloseCodes.GOING_AWAY, "server shutting down");
        byHttpSession.values().forEach(sessions -> sessions.forEach(session -> Outbound.close(session, reason)));
    }

    /** Registers a new connection under the HTTP session its handshake carried, with its resume token. */
    public void open(Session session, ChatPrincipal principal, String token) {
        session.getUserProperties().put(TOKEN, token);
        byHttpSession.computeIfAbsent(principal.httpSession(), s -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /**
     * Subscribes a connection to a room: presence and the connection's cluster state first, then {@code joined}, the
     * replay and the live messages.
     */
    public void join(Session session, String room, Long since) {
        String user = session.getUserPrincipal().getName();
        rooms.joined(room, user, session.getId());
        connections.joined(token(session), room);
        feed(room).join(session, since, rooms, rooms.members(room));
    }

    /** Unsubscribes a connection on its request: the user's presence goes at once if this was the last one. */
    public void leave(Session session, String room) {
        RoomFeed feed = feeds.get(room);
        connections.left(token(session), room);
        if (feed != null && feed.leave(session)) {
            rooms.left(room, session.getUserPrincipal().getName(), session.getId());
        }
    }

    /** Every open connection on this node. */
    Stream<Session> all() {
        return byHttpSession.values().stream().flatMap(Set::stream);
    }

    /** How many chat connections are open on this node. */
    public long count() {
        return all().count();
    }

    public boolean isMember(String room, Session session) {
        RoomFeed feed = feeds.get(room);
        return feed != null && feed.has(session);
    }

    /**
     * Forgets a closed connection. Its rooms stay in its cluster state for a resume; its presence goes after
     * {@code chorus.presence.grace-ms}, so that a user who resumes meanwhile (on any node) is never reported offline
     * and online again.
     */
    public void remove(Session session) {
        String user = session.getUserPrincipal().getName();
        feeds.forEach((room, feed) -> {
            if (feed.leave(session)) {
                afterGrace(() -> rooms.left(room, user, session.getId()));
            }
        });
        if (session.getUserPrincipal() instanceof ChatPrincipal principal) {
            byHttpSession.computeIfPresent(principal.httpSession(), (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    /** The hand-over from the EJB module: the topic listener fires every stored message on every node. */
    void deliver(@Observes ChatMessage message) {
        RoomFeed feed = feeds.get(message.room());
        if (feed != null) {
            feed.deliver(message, rooms);
        }
    }

    void presence(@Observes Presence presence) {
        RoomFeed feed = feeds.get(presence.room());
        if (feed != null) {
            feed.presence(presence);
        }
    }

    void typing(@Observes Typing typing) {
        RoomFeed feed = feeds.get(typing.room());
        if (feed != null) {
            feed.typing(typing);
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
        return (String) session.getUserProperties().get(TOKEN);
    }

    private RoomFeed feed(String room) {
        return feeds.computeIfAbsent(room, r -> new RoomFeed(r, rooms.latest(r)));
    }

    /** When the last once-a-second catch-up with history ended (a node whose timer stopped is not alive). */
    public long caughtUp() {
        return caughtUp;
    }

    private void catchUp() {
        caughtUp = System.currentTimeMillis();
        for (RoomFeed feed : feeds.values()) {
            try {
                feed.catchUp(rooms);
            } catch (RuntimeException e) {
                LOG.warnf("Catching up with history failed: %s", e.toString());
            }
        }
    }
}
