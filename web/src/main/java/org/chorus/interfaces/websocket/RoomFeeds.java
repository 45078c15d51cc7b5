package org.chorus.interfaces.websocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import org.chorus.application.RoomService;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.Presence;
import org.chorus.domain.Typing;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The rooms this node follows for its connections, one {@link RoomFeed} each: hands them what the topic brings
 * (messages, presence, typing), catches them up with history every second, and forgets a room once no local connection
 * is in it.
 */
@ApplicationScoped
public class RoomFeeds {

    private static final Logger LOG = Logger.getLogger(RoomFeeds.class);

    private final Map<String, RoomFeed> feeds = new ConcurrentHashMap<>();

    @Inject
    RoomService rooms;

    @Inject
    Ticker ticker;

    /** A join without {@code since} replays this many: each feed keeps twice as many frames (64 to 1,024) for joins. */
    @Inject
    @ConfigProperty(name = "chorus.join-replay", defaultValue = "50")
    int joinReplay;

    private ScheduledFuture<?> catchUp;
    private volatile long caughtUp = System.currentTimeMillis();

    @PostConstruct
    void start() {
        catchUp = ticker.executor().scheduleWithFixedDelay(this::catchUp, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        catchUp.cancel(false);
    }

    /**
     * Subscribes a connection to a room's feed ({@code joined}, the replay, then live); returns how many it replayed.
     */
    int join(Session session, String room, Long since, List<String> online) {
        while (true) {
            RoomFeed feed = feeds.computeIfAbsent(room,
                    r -> new RoomFeed(r, rooms.latest(r), Math.min(1024, Math.max(64, 2 * joinReplay))));
            int replayed = feed.join(session, since, rooms, online);
            if (replayed != RoomFeed.RETIRED) {
                return replayed;
            }
            feeds.remove(room, feed); // it was retired between our lookup and our join: make a fresh one
        }
    }

    /** Unsubscribes a connection from one room; returns whether it was a member. */
    boolean leave(Session session, String room) {
        RoomFeed feed = feeds.get(room);
        if (feed != null && feed.leave(session)) {
            retireIfEmpty(room, feed);
            return true;
        }
        return false;
    }

    /** Unsubscribes a closed connection from every room, telling {@code left} each room it was in. */
    void leaveAll(Session session, Consumer<String> left) {
        feeds.forEach((room, feed) -> {
            if (feed.leave(session)) {
                retireIfEmpty(room, feed);
                left.accept(room);
            }
        });
    }

    boolean isMember(String room, Session session) {
        RoomFeed feed = feeds.get(room);
        return feed != null && feed.has(session);
    }

    /** How many rooms this node follows. */
    public int size() {
        return feeds.size();
    }

    /** When the last once-a-second catch-up with history ended (a node whose timer stopped is not alive). */
    public long caughtUp() {
        return caughtUp;
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

    /** A room with no member on this node is forgotten here (its feed is made again at the next join). */
    private void retireIfEmpty(String room, RoomFeed feed) {
        if (feed.retireIfEmpty()) {
            feeds.remove(room, feed);
        }
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
