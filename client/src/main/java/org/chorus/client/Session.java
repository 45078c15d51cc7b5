package org.chorus.client;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.JsonObject;

/**
 * The engine of one client: its state, its current connection, and the reconnect that follows a lost one. It and its
 * rooms, outbox and dialer are guarded by its monitor, which the transport's calls and the timer's tasks take too.
 */
final class Session {

    static final System.Logger LOG = System.getLogger(ChorusClient.class.getName());

    final Settings settings;
    final Rooms rooms = new Rooms(this);
    final Outbox outbox = new Outbox(this);
    final Tasks tasks = new Tasks(this);
    private final Dialer dialer;
    private final Router router = new Router(this);
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private volatile ConnectionState state = ConnectionState.CLOSED;
    private volatile String node;
    private Connection current;
    private ScheduledFuture<?> timer; // the next attempt, or the running attempt's deadline
    private boolean closed;
    private boolean welcomed;
    private boolean ready;
    private int attempt;

    Session(Settings settings) {
        this.settings = settings;
        this.dialer = new Dialer(this);
    }

    ConnectionState state() {
        return state;
    }

    String node() {
        return node;
    }

    synchronized CompletableFuture<Welcome> connect() {
        if (closed) {
            welcome.completeExceptionally(new ClientClosedException());
        } else if (state == ConnectionState.CLOSED) {
            move(ConnectionState.CONNECTING, null);
            attempt();
        }
        return welcome;
    }

    synchronized void close() {
        if (!closed) {
            end(null, new ClientClosedException());
        }
    }

    /** A frame of connection {@code c}, parsed; frames of a connection given up are ignored. */
    synchronized void frame(Connection c, JsonObject frame, long arrived) {
        if (c == current) {
            router.route(frame, arrived);
            settle();
        }
    }

    /** Connection {@code c} ended or failed, or its attempt ran out of time: try again, or give up. */
    synchronized void lost(Connection c, Throwable cause) {
        if (c != current || closed) {
            return;
        }
        current = null;
        welcomed = false;
        ready = false;
        cancelTimer();
        c.end();
        rooms.unlinked();
        attempt++;
        if (!welcome.isDone() || !mayReconnect(cause)) {
            LOG.log(Level.DEBUG, "{0}: giving up after {1}", settings.user(), cause);
            end(cause, cause);
            return;
        }
        LOG.log(Level.DEBUG, "{0}: lost {1} ({2}); attempt {3}", settings.user(), node, cause, attempt);
        move(ConnectionState.RECONNECTING, cause);
        timer = tasks.after(settings.backoff().delayNanos(attempt), this::attempt);
        if (timer == null) {
            end(cause, cause); // the caller's timer was shut down: nothing would ever try again
        }
    }

    /** Whether to try again; a {@code reconnectIf} that throws says no rather than leave the client hanging. */
    private boolean mayReconnect(Throwable cause) {
        try {
            return settings.mayReconnect(cause, attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconnectIf failed; the client ends: {0}", e.toString());
            return false;
        }
    }

    /** Connection {@code c} cannot be opened, and no other try would do better (wrong credentials). */
    synchronized void fail(Connection c, Throwable cause) {
        if (c == current && !closed) {
            end(cause, cause);
        }
    }

    synchronized boolean isCurrent(Connection c) {
        return c == current && !closed;
    }

    /** Whether the client has ended: closed, or given up. */
    boolean closed() {
        return closed;
    }

    /** Whether the current connection is welcomed: frames written now reach the server. */
    boolean linked() {
        return welcomed;
    }

    /** Whether the current connection is welcomed and its rooms joined again: sends may go. */
    boolean ready() {
        return ready;
    }

    /** Writes a frame on the current connection, if it is welcomed (otherwise it is written after the next welcome). */
    void write(String frame) {
        if (welcomed) {
            current.send(frame);
        }
    }

    /** Starts a try: a new connection, opened by the dialer, with a deadline for its welcome (and re-joins). */
    private void attempt() {
        if (current != null || closed) {
            return;
        }
        Connection c = new Connection(this);
        current = c;
        timer = tasks.after(settings.openTimeoutNanos(), () -> lost(c, new TimeoutException("not welcomed and joined "
                + "within " + TimeUnit.NANOSECONDS.toMillis(settings.openTimeoutNanos()) + " ms")));
        dialer.open(c);
    }

    /** The current connection's welcome: re-join, and complete {@link #connect()} the first time. */
    void welcomed(JsonObject frame) {
        Welcome w = Decode.welcome(frame);
        dialer.welcomed(frame.getString("resume", null));
        node = w.node();
        welcomed = true;
        current.watch(Decode.silenceMillis(frame));
        rooms.rejoin(w);
        if (!welcome.isDone()) {
            cancelTimer(); // connect() is over; joins made from here on wait as long as the server takes
            move(ConnectionState.CONNECTED, null);
            welcome.complete(w);
        }
    }

    /** Once welcomed and every room joined: the unacknowledged sends go again, and a reconnect is over. */
    private void settle() {
        if (!welcomed || ready || rooms.syncing()) {
            return;
        }
        ready = true;
        cancelTimer();
        outbox.flush();
        if (state == ConnectionState.RECONNECTING) {
            move(ConnectionState.RESUMED, null);
        }
        attempt = 0;
    }

    /** The client is over: closed by its caller ({@code cause} null) or given up. */
    private void end(Throwable cause, Throwable failure) {
        closed = true;
        cancelTimer();
        Connection last = current;
        current = null; // first: a transport that reports the close at once finds nothing current
        if (last != null) {
            last.close(1000);
        }
        welcomed = false;
        ready = false;
        if (settings.password() != null) {
            Arrays.fill(settings.password(), '\0');
        }
        move(ConnectionState.CLOSED, cause);
        welcome.completeExceptionally(failure);
        rooms.fail(failure);
        outbox.fail(failure);
    }

    private void move(ConnectionState to, Throwable cause) {
        state = to;
        try {
            settings.onState().accept(new ConnectionEvent(to, node, attempt, cause));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the state listener failed", e);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
