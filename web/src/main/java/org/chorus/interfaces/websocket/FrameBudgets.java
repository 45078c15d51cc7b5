package org.chorus.interfaces.websocket;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.HistoryPage;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-connection budgets for what the per-user send rate does not cover: joins and leaves, typing, history requests,
 * pings, and the messages that joins and history pages replay, each a token bucket with a rate and a burst
 * ({@code chorus.frame-rate.KIND} per second, {@code chorus.frame-burst.KIND}) that a real client never reaches (past
 * it the frame gets {@code rate_limited} and does nothing); and at most {@code chorus.max-rooms-per-connection} rooms
 * joined at once ({@code too_many_rooms}).
 */
@ApplicationScoped
public class FrameBudgets {

    /** What is budgeted, with its default rate per second and burst. */
    public enum Kind {

        JOIN(10, 300), TYPING(2, 20), HISTORY(5, 50), PING(2, 20), REPLAYED(2000, 20000);

        final double perSecond;
        final double burst;

        Kind(double perSecond, double burst) {
            this.perSecond = perSecond;
            this.burst = burst;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String KEY = "chorus.frame-budget";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "chorus.max-rooms-per-connection", defaultValue = "100")
    int maxRooms;

    private final double[] perSecond = new double[Kind.values().length];
    private final double[] burst = new double[Kind.values().length];

    @PostConstruct
    void read() {
        for (Kind kind : Kind.values()) {
            perSecond[kind.ordinal()] = config.getOptionalValue("chorus.frame-rate." + kind.key(), Double.class)
                    .orElse(kind.perSecond);
            burst[kind.ordinal()] = config.getOptionalValue("chorus.frame-burst." + kind.key(), Double.class)
                    .orElse(kind.burst);
        }
    }

    void opened(Session session) {
        session.getUserProperties().put(KEY, new Allowance(burst, System.nanoTime()));
    }

    /** Takes one {@code kind} token for this connection, or refuses the frame ({@code rate_limited}, with ref). */
    void take(Session session, Kind kind, String ref) {
        Allowance allowance = (Allowance) session.getUserProperties().get(KEY);
        if (allowance != null && !allowance.take(kind.ordinal(), 1, perSecond, burst, System.nanoTime())) {
            throw new ChatRejection(ErrorCode.RATE_LIMITED, "too many " + kind.key() + " frames on this connection;"
                    + " slow down", ref);
        }
    }

    /**
     * Runs a join within the connection's budgets: a join token, no replay debt, and (for a room it is not in yet) room
     * for one more; {@code join} returns how many messages it replayed, which are charged.
     */
    void join(Session session, String room, boolean again, IntSupplier join) {
        take(session, Kind.JOIN, room);
        take(session, Kind.REPLAYED, room);
        if (!again) {
            checkRoomQuota(session, room);
        }
        charge(session, Kind.REPLAYED, join.getAsInt());
        if (!again) {
            roomsChanged(session, 1);
        }
    }

    /** Runs a leave within the join budget; {@code leave} says whether the connection was in the room. */
    void leave(Session session, String room, BooleanSupplier leave) {
        take(session, Kind.JOIN, room);
        if (leave.getAsBoolean()) {
            roomsChanged(session, -1);
        }
    }

    /** Reads a history page within the connection's budgets and charges the messages it carries. */
    HistoryPage history(Session session, String room, Supplier<HistoryPage> read) {
        take(session, Kind.HISTORY, room);
        take(session, Kind.REPLAYED, room);
        HistoryPage page = read.get();
        charge(session, Kind.REPLAYED, page.messages().size());
        return page;
    }

    /** Refuses a join of one more room ({@code too_many_rooms}) when the connection is in as many as it may be. */
    private void checkRoomQuota(Session session, String room) {
        Allowance allowance = (Allowance) session.getUserProperties().get(KEY);
        if (allowance != null && allowance.rooms >= maxRooms) {
            throw new ChatRejection(ErrorCode.TOO_MANY_ROOMS, "a connection joins at most " + maxRooms
                    + " rooms; leave one first", room);
        }
    }

    /** Counts a room joined ({@code +1}) or left ({@code -1}) by the connection. */
    private void roomsChanged(Session session, int change) {
        Allowance allowance = (Allowance) session.getUserProperties().get(KEY);
        if (allowance != null) {
            allowance.rooms(change);
        }
    }

    /** Charges what was already done (messages replayed): the balance may go below zero and refuses until refilled. */
    private void charge(Session session, Kind kind, long amount) {
        Allowance allowance = (Allowance) session.getUserProperties().get(KEY);
        if (allowance != null && amount > 0) {
            allowance.charge(kind.ordinal(), amount, perSecond, burst, System.nanoTime());
        }
    }

    /** One connection's buckets (the tokens of each kind at the last refill) and the number of rooms it is in. */
    static final class Allowance {

        private final double[] tokens;
        private long at;
        private volatile int rooms;

        Allowance(double[] burst, long nowNanos) {
            this.tokens = burst.clone();
            this.at = nowNanos;
        }

        synchronized boolean take(int kind, double amount, double[] perSecond, double[] burst, long nowNanos) {
            refill(perSecond, burst, nowNanos);
            if (tokens[kind] < amount) {
                return false;
            }
            tokens[kind] -= amount;
            return true;
        }

        synchronized void rooms(int change) {
            rooms = Math.max(0, rooms + change);
        }

        synchronized void charge(int kind, double amount, double[] perSecond, double[] burst, long nowNanos) {
            refill(perSecond, burst, nowNanos);
            tokens[kind] -= amount;
        }

        private void refill(double[] perSecond, double[] burst, long nowNanos) {
            double seconds = Math.max(0, nowNanos - at) / 1e9;
            at = Math.max(at, nowNanos);
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = Math.min(burst[i], tokens[i] + seconds * perSecond[i]);
            }
        }
    }
}
