package org.chorus.client;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;

import org.chorus.client.frame.Frames;

/**
 * One room as a client follows it, and the order promise of its messages: a seq at or below the last delivered is a
 * repeat, the next one is delivered, and one further on is a gap. Guarded by the session's monitor.
 */
final class Room {

    /** What becomes of a message. */
    enum Verdict {
        DELIVER, DROP, GAP
    }

    /** Re-joins in a row that may leave a gap open before the client accepts the gap and goes on. */
    static final int RESYNCS = 3;

    final String name;
    RoomListener listener;
    /** The caller's join, until its {@code joined}. */
    CompletableFuture<Joined> joining;
    /** A join frame is on its way. */
    boolean awaiting;
    /** Refusals of the join on its way (rate_limited, internal), for its backoff. */
    int tries;
    /** The highest seq delivered, or (once a join with since is answered) the since. */
    private long last;
    /** Whether {@link #last} holds: false after a fresh or truncated join, until the first message. */
    private boolean anchored;
    private long joinedSeq = -1;
    /** Whether the last answered join was fresh (no since): its answer's seq may stand for what came before. */
    private boolean answeredFresh;
    private long asked = -1;
    private int resyncs;

    Room(String name) {
        this.name = name;
    }

    /**
     * The join frame to write now: since what the listener has (a room never answered joins fresh, for the server's
     * replay of recent history; a fresh join not yet followed by a message asks since the seq it was answered with).
     */
    String join() {
        if (anchored) {
            asked = last;
        } else if (joinedSeq < 0) {
            asked = -1;
        } else {
            // After a truncated join with since, ask since what the listener has again: what history kept is owed.
            asked = answeredFresh ? Math.max(last, joinedSeq) : last;
        }
        awaiting = true;
        return Frames.join(name, asked);
    }

    void joined(long seq, boolean truncated) {
        joinedSeq = seq;
        answeredFresh = asked < 0;
        awaiting = false;
        tries = 0;
        if (asked < 0 || truncated) {
            anchored = false; // the first message sets where the room starts
        } else {
            last = Math.max(last, asked);
            anchored = true;
        }
    }

    Verdict accept(long seq) {
        if (seq <= last) {
            return Verdict.DROP;
        }
        if (anchored && seq != last + 1) {
            if (resyncs < RESYNCS) {
                return Verdict.GAP;
            }
            Session.LOG.log(Level.WARNING, "{0}: seqs {1} to {2} never came after {3} re-joins; going on", name, last
                    + 1, seq - 1, resyncs);
        }
        last = seq;
        anchored = true;
        resyncs = 0;
        return Verdict.DELIVER;
    }

    /** Whether to join again for a gap now (none is on its way); counts the re-join. */
    boolean resync() {
        if (awaiting) {
            return false;
        }
        resyncs++;
        return true;
    }
}
