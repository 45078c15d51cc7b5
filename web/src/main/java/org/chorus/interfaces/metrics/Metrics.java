package org.chorus.interfaces.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's counters, kept where the events happen (the endpoint, the room feeds, the send path) and read by
 * {@link MetricsServlet}. Static, so that the plain objects on the delivery path need no injection: one deployment, one
 * set.
 */
public final class Metrics {

    /** Messages accepted from this node's clients (acked sends and direct messages). */
    public static final LongAdder MESSAGES_IN = new LongAdder();
    /** Message frames written to this node's clients (live, replayed and filled). */
    public static final LongAdder MESSAGES_OUT = new LongAdder();
    /** Messages this node took from history because the topic had not (yet) brought them. */
    public static final LongAdder GAPS_FILLED = new LongAdder();
    public static final LongAdder RATE_LIMITED = new LongAdder();
    public static final LongAdder SLOW_READER_CLOSES = new LongAdder();
    /** WebSocket pings sent to this node's clients (the heartbeat). */
    public static final LongAdder PINGS_SENT = new LongAdder();
    /** Pongs that came back later than {@code chorus.pong-timeout-ms} after their ping. */
    public static final LongAdder PONGS_LATE = new LongAdder();
    /** Connections closed because they answered nothing within {@code chorus.pong-timeout-ms} of a ping. */
    public static final LongAdder DEAD_CONNECTIONS = new LongAdder();
    /** From a message's acceptance (on any node) to its delivery by this node, in milliseconds. */
    public static final Histogram FANOUT_MS = new Histogram(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);

    private static final Map<String, LongAdder> RESUMES = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> REFUSED = new ConcurrentHashMap<>();
    private static final Map<Integer, LongAdder> CLOSES = new ConcurrentHashMap<>();

    private Metrics() {
    }

    /** A connection opened: {@code resumed} or {@code fresh}. */
    public static void opened(boolean resumed) {
        RESUMES.computeIfAbsent(resumed ? "resumed" : "fresh", k -> new LongAdder()).increment();
    }

    /** A handshake refused: {@code origin} (403) or {@code unauthenticated} (401). */
    public static void refused(String reason) {
        REFUSED.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    public static void closed(int code) {
        CLOSES.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** Connections that resumed, so far. */
    public static long resumed() {
        LongAdder a = RESUMES.get("resumed");
        return a == null ? 0 : a.sum();
    }

    /** Connections that started fresh, so far. */
    public static long fresh() {
        LongAdder a = RESUMES.get("fresh");
        return a == null ? 0 : a.sum();
    }

    static Map<String, LongAdder> resumes() {
        return RESUMES;
    }

    static Map<String, LongAdder> refused() {
        return REFUSED;
    }

    static Map<Integer, LongAdder> closes() {
        return CLOSES;
    }
}
