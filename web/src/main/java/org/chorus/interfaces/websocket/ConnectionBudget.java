package org.chorus.interfaces.websocket;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.Session;

/**
 * The few counters one connection's limits need: the text message being assembled from its parts, the bytes queued for
 * it but not yet written, when it last sent anything (a frame or a pong), and its heartbeat (see {@link Heartbeat}).
 */
final class ConnectionBudget {

    private static final String KEY = "chorus.budget";

    private final long maxMessageBytes;
    private final long maxUnsentBytes;
    private final AtomicLong unsent = new AtomicLong();
    /** Bytes queued and bytes written since the connection opened: how far the writes have got. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean overrun = new AtomicBoolean();
    private StringBuilder partial;
    private long partialBytes;
    private volatile long lastInbound = System.currentTimeMillis();
    private volatile long nextPing;
    private volatile long pingSent;
    private volatile long pingBehind;
    private volatile long pingOut;

    ConnectionBudget(long maxMessageBytes, long maxUnsentBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxUnsentBytes = maxUnsentBytes;
    }

    static void attach(Session session, ConnectionBudget budget) {
        session.getUserProperties().put(KEY, budget);
    }

    /** The budget of a connection, or null for one opened without (it is then not limited). */
    static ConnectionBudget of(Session session) {
        return (ConnectionBudget) session.getUserProperties().get(KEY);
    }

    /**
     * Adds a part of an incoming text message; returns the whole message after its last part, null before. Throws
     * {@link TooBig} as soon as the parts pass the limit, so that nothing beyond it is ever kept.
     */
    String assemble(String part, boolean last) throws TooBig {
        lastInbound = System.currentTimeMillis();
        long bytes = partialBytes + Utf8.length(part);
        if (bytes > maxMessageBytes) {
            partial = null;
            partialBytes = 0;
            throw new TooBig(maxMessageBytes);
        }
        if (last && partial == null) {
            return part;
        }
        if (partial == null) {
            partial = new StringBuilder(part.length() * 2);
        }
        partial.append(part);
        partialBytes = bytes;
        if (!last) {
            return null;
        }
        String whole = partial.toString();
        partial = null;
        partialBytes = 0;
        return whole;
    }

    long lastInbound() {
        return lastInbound;
    }

    /** Anything from the client that is not a text frame (a pong) also shows it is there. */
    void heard(long now) {
        lastInbound = now;
    }

    /** When the next ping is due (0: not yet scheduled). */
    long nextPing() {
        return nextPing;
    }

    /** When the unanswered ping was sent; 0 when none awaits an answer. */
    long pingSent() {
        return pingSent;
    }

    /** A ping is queued now, behind what is queued already; the next is due at {@code next}. */
    void pinged(long now, long next) {
        pingBehind = queued.get();
        pingOut = 0;
        pingSent = now;
        nextPing = next;
    }

    /**
     * When the ping awaiting an answer was on its way: once everything queued before it was written (a server behind on
     * its writes, or a client slow to read, is not a dead client); 0 while it still waits behind them.
     */
    long pingOut(long now) {
        if (pingOut == 0 && written.get() >= pingBehind) {
            pingOut = now;
        }
        return pingOut;
    }

    /** Schedules the first ping without sending one. */
    void schedule(long next) {
        nextPing = next;
    }

    /** True once the client sent anything after the ping awaiting an answer; clears that ping. */
    boolean answered() {
        long sent = pingSent;
        if (sent != 0 && lastInbound >= sent) {
            pingSent = 0;
            return true;
        }
        return sent == 0;
    }

    /** Counts a frame as queued; false, and it is not queued, when that would pass the connection's limit. */
    boolean reserve(long bytes) {
        if (overrun.get()) {
            return false;
        }
        if (unsent.addAndGet(bytes) > maxUnsentBytes) {
            unsent.addAndGet(-bytes);
            return false;
        }
        queued.addAndGet(bytes);
        return true;
    }

    /** True for the first caller only once the limit was passed: that caller closes the connection. */
    boolean overrun() {
        return overrun.compareAndSet(false, true);
    }

    void written(long bytes) {
        unsent.addAndGet(-bytes);
        written.addAndGet(bytes);
    }

    /** A text message longer than the limit. */
    static final class TooBig extends Exception {

        private static final long serialVersionUID = 1L;

        TooBig(long limit) {
            super("a message is at most " + limit + " bytes", null, false, false);
        }
    }
}
