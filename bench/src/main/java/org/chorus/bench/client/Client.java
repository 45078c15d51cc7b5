package org.chorus.bench.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.chorus.client.ChorusClient;
import org.chorus.client.ClientBuilder;
import org.chorus.client.ConnectionEvent;
import org.chorus.client.Joined;
import org.chorus.client.RoomListener;
import org.chorus.client.Welcome;
import org.chorus.client.spi.FrameObserver;
import org.chorus.client.spi.Link;
import org.chorus.client.spi.Transport;

/**
 * One simulated user: a thin adapter over the client library, which logs in, connects, and after a lost link
 * reconnects, re-joins and re-sends by itself. Its frame observer checks every room's seqs in this client's
 * {@link Ledger}s as the server sent them (repeats and disorder included, which the library hides from listeners) and
 * hands messages, acks and errors with their arrival time to the run's {@link Events}.
 */
public final class Client implements FrameObserver {

    /** Reconnects wait a random share of 100 ms, doubling per attempt up to 1 s. */
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(1);

    private final ChorusClient chorus;
    private final URI base;
    private final String user;
    private final Events events;
    private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();
    private final List<String> rooms = new CopyOnWriteArrayList<>();
    private volatile Link link;
    private volatile String cookie;
    private volatile boolean up;
    private volatile boolean stateFound;

    /**
     * A client of {@code user} at {@code base}, speaking on {@code path} (/chorus/chat, or the baseline's) through
     * {@code network}; it logs in with {@code password}, unless that is null (the baseline has no login).
     */
    public Client(Transport network, URI base, String path, String user, String password, Events events) {
        this.base = base;
        this.user = user;
        this.events = events;
        ClientBuilder builder = ChorusClient.builder(base).path(path).transport((uri, session, inbound) -> network
                .open(uri, session, inbound).thenApply(this::opened)).observer(this).onState(this::changed).backoff(
                        FIRST, CAP)
                .reconnectIf(events::reconnecting).retries(Integer.MAX_VALUE);
        if (password != null) {
            builder.credentials(user, password).authenticator((at, name, secret) -> Login.as(at, name, new String(
                    secret)).thenApply(this::loggedIn));
        }
        this.chorus = builder.build();
    }

    /** Logs in (but for the baseline), opens the WebSocket, and completes with the welcome. */
    public CompletableFuture<Welcome> connect() {
        return chorus.connect().toCompletableFuture();
    }

    /** Joins a room; completes with the room's seq at the join. */
    public CompletableFuture<Long> join(String room) {
        if (!rooms.contains(room)) {
            rooms.add(room);
        }
        return chorus.join(room, RoomListener.IGNORE).toCompletableFuture().thenApply(Joined::seq);
    }

    /** Sends a chat message with the run's id; the library sends it again after a reconnect until it is acked. */
    public void send(String room, String id, String text) {
        chorus.send(room, id, text);
    }

    /** Closes the connection with 1000, for good. */
    public void close() {
        chorus.close();
    }

    /** Drops the TCP connection without a close frame, as a lost network would. */
    public void drop() {
        Link open = link;
        if (open != null) {
            open.abort();
        }
    }

    /** Whether the client is connected (or back after a loss) and has not lost its connection since. */
    public boolean isOpen() {
        return up;
    }

    public String user() {
        return user;
    }

    public URI base() {
        return base;
    }

    /** The session cookie of the last login. */
    public String cookie() {
        return cookie;
    }

    /** The node that answered the last welcome. */
    public String node() {
        String node = chorus.node();
        return node == null ? "?" : node;
    }

    public Map<String, Ledger> ledgers() {
        return ledgers;
    }

    /** The rooms joined, in the order they were. */
    public List<String> rooms() {
        return List.copyOf(rooms);
    }

    /** Every frame as it came, before the library drops repeats. */
    @Override
    public void frame(JsonObject frame, long arrived) {
        switch (frame.getString("type", "")) {
            case "message" -> {
                String room = frame.getString("room");
                long seq = seq(frame);
                Ledger ledger = ledgers.get(room);
                boolean fresh = ledger != null && ledger.record(seq);
                events.message(this, room, seq, frame.getString("id", ""), frame.getString("text", ""), arrived,
                        fresh);
            }
            case "ack" -> events.ack(this, frame.getString("id"), seq(frame), arrived);
            case "joined" -> ledgers.computeIfAbsent(frame.getString("room"), r -> new Ledger(seq(frame)));
            case "welcome" -> stateFound = frame.getBoolean("resumed", false);
            // The protocol names the send (or room) an error concerns in "ref".
            case "error" -> events.error(this, frame.getString("code", ""), frame.getString("ref", null));
            default -> {
            }
        }
    }

    private void changed(ConnectionEvent event) {
        switch (event.state()) {
            case CONNECTED -> up = true;
            case RESUMED -> {
                up = true;
                events.resumed(this, stateFound);
            }
            case RECONNECTING, CLOSED -> {
                if (up) {
                    up = false;
                    events.lost(this, event.cause());
                }
            }
            default -> {
            }
        }
    }

    private Link opened(Link opened) {
        link = opened;
        return opened;
    }

    private String loggedIn(String session) {
        cookie = session;
        return session;
    }

    private static long seq(JsonObject frame) {
        return frame.get("seq") instanceof JsonNumber n ? n.longValue() : -1;
    }
}
