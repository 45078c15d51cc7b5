package org.chorus.bench.client;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.xnio.IoUtils;

/**
 * One simulated user connection speaking the Chorus protocol: logs in, opens the WebSocket (resuming with its token
 * after the first time), joins rooms, sends, and checks every room's seqs in its {@link Ledger}s. It answers the
 * server's pings (Undertow does) and tells when the server has gone silent past the heartbeat of its {@code welcome}.
 */
public final class Client {

    /** Looked up once: {@code Json}'s static methods look the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Wire wire;
    private final URI base;
    private final String path;
    private final String user;
    private final Events events;
    private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Long>> joins = new ConcurrentHashMap<>();
    private volatile CompletableFuture<JsonObject> welcome = new CompletableFuture<>();
    private volatile WebSocketChannel channel;
    private volatile String cookie;
    private volatile String token;
    private volatile String node = "?";
    private volatile boolean ready;
    private volatile long heard = System.nanoTime();
    private volatile long silentAfterNanos;

    /** A client of {@code user} at {@code base}, speaking on {@code path} (/chorus/chat, or the baseline's). */
    public Client(Wire wire, URI base, String path, String user, Events events) {
        this.wire = wire;
        this.base = base;
        this.path = path;
        this.user = user;
        this.events = events;
    }

    /** Logs in (not needed for the baseline). */
    public CompletableFuture<Client> login(String password) {
        return Login.as(base, user, password).thenApply(c -> {
            cookie = c;
            return this;
        });
    }

    /** Opens the WebSocket, with the resume token of the last one if there was one; completes with the welcome. */
    public CompletableFuture<JsonObject> connect() {
        welcome = new CompletableFuture<>();
        silentAfterNanos = 0;
        ready = false;
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + path + (token == null
                ? ""
                : "?resume="
                        + token));
        wire.open(ws, Addresses.next(), cookie).whenComplete((opened, failure) -> {
            if (failure != null) {
                welcome.completeExceptionally(failure);
                return;
            }
            channel = opened;
            Receiver receiver = new Receiver();
            opened.getReceiveSetter().set(receiver);
            opened.getCloseSetter().set(ch -> receiver.ended(opened, 1006));
            opened.resumeReceives();
        });
        return welcome;
    }

    /** Joins a room, since what this client has seen of it; completes with the room's seq at the join. */
    public CompletableFuture<Long> join(String room) {
        CompletableFuture<Long> joined = new CompletableFuture<>();
        joins.put(room, joined);
        Ledger ledger = ledgers.get(room);
        var frame = JSON.createObjectBuilder().add("type", "join").add("room", room);
        if (ledger != null) {
            frame.add("since", ledger.contiguous());
        }
        send(frame.build().toString());
        return joined;
    }

    /**
     * Whether the connection has joined its rooms since it was (re)opened: only then may it send, as the protocol's
     * failover steps say (re-join, then re-send); a send before the re-join is refused with {@code not_member}.
     */
    public boolean ready() {
        return ready;
    }

    /** The connection has joined (again) every room it had. */
    public void joinedAll() {
        ready = true;
    }

    /** Sends a chat message. */
    public void send(String room, String id, String text) {
        send(JSON.createObjectBuilder().add("type", "send").add("room", room).add("id", id).add("text", text).build()
                .toString());
    }

    /** Closes the connection with 1000. */
    public void close() {
        WebSocketChannel open = channel;
        if (open != null && open.isOpen()) {
            WebSockets.sendClose(1000, "", open, null);
        }
    }

    /** Drops the TCP connection without a close frame, as a lost network would. */
    public void drop() {
        IoUtils.safeClose(channel);
    }

    /**
     * True when the connection is open and nothing came from the server (no frame, no ping) for the heartbeat's
     * interval plus its timeout: a frozen or vanished server that TCP has not noticed yet.
     */
    public boolean silent(long nowNanos) {
        long after = silentAfterNanos;
        return after > 0 && isOpen() && nowNanos - heard > after;
    }

    public boolean isOpen() {
        WebSocketChannel open = channel;
        return open != null && open.isOpen();
    }

    public String user() {
        return user;
    }

    public URI base() {
        return base;
    }

    public String cookie() {
        return cookie;
    }

    /** The node that answered the last welcome. */
    public String node() {
        return node;
    }

    public Map<String, Ledger> ledgers() {
        return ledgers;
    }

    private void send(String text) {
        WebSocketChannel open = channel;
        if (open != null && open.isOpen()) {
            WebSockets.sendText(text, open, null);
        }
    }

    private void onFrame(String text, long arrived) {
        JsonObject frame = JSON.createReader(new StringReader(text)).readObject();
        switch (frame.getString("type", "")) {
            case "message" -> {
                String room = frame.getString("room");
                long seq = frame.getJsonNumber("seq").longValue();
                Ledger ledger = ledgers.get(room);
                boolean fresh = ledger != null && ledger.record(seq);
                events.message(this, room, seq, frame.getString("id", ""), frame.getString("text", ""), arrived,
                        fresh);
            }
            case "ack" -> events.ack(this, frame.getString("id"), frame.getJsonNumber("seq").longValue(), arrived);
            case "joined" -> {
                String room = frame.getString("room");
                long seq = frame.getJsonNumber("seq").longValue();
                ledgers.computeIfAbsent(room, r -> new Ledger(seq));
                CompletableFuture<Long> joined = joins.remove(room);
                if (joined != null) {
                    joined.complete(seq);
                }
            }
            case "welcome" -> {
                token = frame.getString("resume", null);
                node = frame.getString("node", "?");
                JsonObject heartbeat = frame.getJsonObject("heartbeat");
                silentAfterNanos = heartbeat == null
                        ? 0
                        : TimeUnit.MILLISECONDS.toNanos(heartbeat.getJsonNumber("interval").longValue()
                                + heartbeat.getJsonNumber("timeout").longValue());
                welcome.complete(frame);
            }
            // The protocol names the send (or room) an error concerns in "ref".
            case "error" -> events.error(this, frame.getString("code", ""), frame.getString("ref", null));
            default -> {
            }
        }
    }

    /** The channel's listener: whole text frames to {@link #onFrame}, and the close. */
    private final class Receiver extends AbstractReceiveListener {

        private volatile boolean closed;

        @Override
        protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
            heard = System.nanoTime();
            onFrame(message.getData(), heard);
        }

        /** The server's heartbeat: noted, and answered with a pong by the superclass. */
        @Override
        protected void onFullPingMessage(WebSocketChannel ch, BufferedBinaryMessage message)
                throws java.io.IOException {
            heard = System.nanoTime();
            super.onFullPingMessage(ch, message);
        }

        @Override
        protected void onCloseMessage(CloseMessage message, WebSocketChannel ch) {
            ended(ch, message.getCode());
        }

        @Override
        protected void onError(WebSocketChannel ch, Throwable error) {
            ended(ch, 1006);
        }

        /** Called for a close frame, an error, and when the channel closes (a dropped connection: 1006). */
        void ended(WebSocketChannel ch, int code) {
            IoUtils.safeClose(ch);
            if (!closed) {
                closed = true;
                welcome.completeExceptionally(new IllegalStateException("closed with " + code));
                joins.values().forEach(j -> j.completeExceptionally(new IllegalStateException("closed")));
                events.closed(Client.this, code);
            }
        }
    }

    /** Room names of the ledgers, for re-joining after a resume. */
    public List<String> rooms() {
        return List.copyOf(ledgers.keySet());
    }
}
