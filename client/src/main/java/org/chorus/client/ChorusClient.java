package org.chorus.client;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.chorus.client.frame.Frames;

/**
 * A Chorus chat client that logs in, keeps its WebSocket up across node failures, and resumes where it was.
 *
 * <p>
 * <b>Failover</b>, as the protocol describes it. When the link is lost (a close by the server, a failure, or a server
 * that said nothing, not even a ping, for the interval plus the timeout of its welcome's heartbeat), the client
 * reconnects through its address (or, given several, the next one) with its session cookie and the resume token of the
 * last welcome, after an exponential backoff with full jitter, until it succeeds (or {@link ClientBuilder#maxAttempts}
 * or {@link ClientBuilder#reconnectIf} say otherwise). A handshake refused with 401 or 403 means the HTTP session is
 * gone: the client logs in again first. Close codes 1000, 1002, 1003, 1007, 1008 (logged out), 1009 and 1010 end the
 * client instead (state {@code CLOSED}, with the cause). After the welcome, every room is joined again since the last
 * seq its listener got, and only once every room's {@code joined} is back is every send without an ack written again,
 * with its id (the server stores it once and acks the first seq); sends made meanwhile wait and follow. Then the state
 * is {@code RESUMED}.
 *
 * <p>
 * <b>Order.</b> Each room's listener gets every message once and in seq order. A seq at or below the last delivered is
 * a repeat and is dropped. A seq past the next one is a gap: rather than hold later messages back in memory, the client
 * drops them and joins the room again since the last seq delivered, so that the server replays the rest in order (what
 * was already on its way is dropped as repeats); if three re-joins in a row leave a gap open (history gone), the client
 * logs it and goes on. After a fresh join (the server replays recent history) or a truncated one, the first message
 * sets where the room starts.
 *
 * <p>
 * <b>Threads.</b> Every method may be called from any thread and none blocks. Listeners, the state listener, and what
 * is chained to the stages run on the transport's thread or the shared timer thread, one at a time per client and in
 * order: they must not block (waiting there for this client's own stages would never end), and may call the client.
 */
public final class ChorusClient implements AutoCloseable {

    private final Session session;

    ChorusClient(Session session) {
        this.session = session;
    }

    /**
     * A client of the Chorus at {@code base}: the balancer or a node, e.g. {@code http://127.0.0.1:8080}; without a
     * balancer, the {@code others} nodes are where it reconnects when {@code base} is gone (each new attempt takes the
     * next address in turn, the login's cookie serves on every node).
     */
    public static ClientBuilder builder(URI base, URI... others) {
        return new ClientBuilder(base, others);
    }

    /** Logs in (with credentials), opens the WebSocket and completes with its welcome; it fails if any of it does. */
    public CompletionStage<Welcome> connect() {
        return session.connect();
    }

    /**
     * Joins {@code room}, whose messages go to {@code listener} from now on (see the class comment for their order);
     * joining a room already joined re-syncs it since the last message delivered.
     */
    public CompletionStage<Joined> join(String room, RoomListener listener) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(listener, "listener");
        synchronized (session) {
            return session.closed() ? ended() : session.rooms.join(room, listener);
        }
    }

    /** Leaves {@code room}: its listener hears nothing more; completes with the server's {@code left}. */
    public CompletionStage<Void> leave(String room) {
        Objects.requireNonNull(room, "room");
        synchronized (session) {
            return session.closed() ? ended() : session.rooms.leave(room);
        }
    }

    /** Sends {@code text} to {@code room} with an id of the client's own; completes with the ack. */
    public CompletionStage<Ack> send(String room, String text) {
        return send(room, null, text);
    }

    /**
     * Sends {@code text} to {@code room} with the caller's {@code id} (1 to 64 of {@code [A-Za-z0-9_-]}, unique per
     * user): for a caller that keeps its own ledger of sends. The same id again, while the first is not acknowledged,
     * is the same send.
     */
    public CompletionStage<Ack> send(String room, String id, String text) {
        if (id != null && !validId(id)) {
            throw new IllegalArgumentException("a client id is 1 to 64 of [A-Za-z0-9_-]: " + id);
        }
        return message("send", Objects.requireNonNull(room, "room"), id, text);
    }

    /** Sends {@code text} to {@code user}'s inbox; the ack names the sender's inbox ({@code @me}) and seq there. */
    public CompletionStage<Ack> direct(String user, String text) {
        return message("direct", Objects.requireNonNull(user, "user"), null, text);
    }

    public ConnectionState state() {
        return session.state();
    }

    /** The node of the last welcome; null before the first. */
    public String node() {
        return session.node();
    }

    /** Closes the WebSocket with 1000 and ends the client: no reconnect, and what is pending fails. */
    @Override
    public void close() {
        session.close();
    }

    private CompletionStage<Ack> message(String kind, String target, String id, String text) {
        Objects.requireNonNull(text, "text");
        synchronized (session) {
            if (session.closed()) {
                return ended();
            }
            String sure = id == null ? session.outbox.nextId() : id;
            return session.outbox.send(sure, Frames.message(kind, target, sure, text));
        }
    }

    private static <T> CompletionStage<T> ended() {
        return CompletableFuture.failedFuture(new ClientClosedException());
    }

    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
