package org.chorus.interfaces.websocket;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.Session;

/**
 * The few counters one connection's limits need: the text message being assembled from its parts, the bytes queued for
 * it but not yet written, and when it last sent anything.
 */
final class ConnectionBudget {

    private static final String KEY = "chorus.budget";

    private final long maxMessageBytes;
    private final long maxUnsentBytes;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicBoolean overrun = new AtomicBoolean();
    private StringBuilder partial;
    private long partialBytes;
    private volatile long lastInbound = System.currentTimeMillis();

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

    /** Counts a frame as queued; false, and it is not queued, when that would pass the connection's limit. */
    boolean reserve(long bytes) {
        if (overrun.get()) {
            return false;
        }
        if (unsent.addAndGet(bytes) > maxUnsentBytes) {
            unsent.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** True for the first caller only once the limit was passed: that caller closes the connection. */
    boolean overrun() {
        return overrun.compareAndSet(false, true);
    }

    void written(long bytes) {
        unsent.addAndGet(-bytes);
    }

    /** A text message longer than the limit. */
    static final class TooBig extends Exception {

        private static final long serialVersionUID = 1L;

        TooBig(long limit) {
            super("a message is at most " + limit + " bytes", null, false, false);
        }
    }
}
