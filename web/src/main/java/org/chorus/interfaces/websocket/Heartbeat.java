package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import org.chorus.interfaces.metrics.Metrics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pings every connection every {@code chorus.ping-interval-ms} and closes, as dead, one that sent nothing (no pong, no
 * frame) for {@code chorus.pong-timeout-ms} after its ping was on its way: a half-open TCP connection (a client that
 * vanished without a FIN, a laptop asleep) is found in seconds instead of at the idle limit, and its presence goes the
 * way a crashed node's does. The pongs also keep bytes flowing from a client that only reads, through every proxy on
 * the way. A ping queued behind frames not yet written starts its clock only once they are: under overload the node is
 * the slow one, and a client that reads what it gets is not dead (a client that stops reading meets the unsent-bytes
 * limit, 1013, instead).
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    /** After closing a dead connection, how long its close frame may take before the TCP connection is dropped. */
    static final long DRAIN_MS = 2000;

    @Inject
    @ConfigProperty(name = "chorus.ping-interval-ms", defaultValue = "25000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "chorus.pong-timeout-ms", defaultValue = "10000")
    long timeoutMs;

    @Inject
    Ticker ticker;

    @Inject
    LocalSessions sessions;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        if (intervalMs > 0) {
            // Fine enough that a ping or a verdict is at most a quarter of the shorter setting late (at most 1 s).
            long period = Math.max(50, Math.min(1000, Math.min(intervalMs, timeoutMs) / 4));
            sweep = ticker.executor().scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** The ping interval in milliseconds (0: no pings), for the {@code welcome} frame. */
    long intervalMs() {
        return intervalMs;
    }

    /** How long after a ping a connection must have answered, for the {@code welcome} frame. */
    long timeoutMs() {
        return timeoutMs;
    }

    /** A pong arrived: the client is there; one that answers later than the timeout is counted. */
    void ponged(Session session, PongMessage pong) {
        long now = System.currentTimeMillis();
        ConnectionBudget budget = ConnectionBudget.of(session);
        if (budget != null) {
            budget.heard(now);
        }
        ByteBuffer data = pong.getApplicationData();
        if (data.remaining() == Long.BYTES && now - data.getLong(data.position()) > timeoutMs) {
            Metrics.PONGS_LATE.increment();
        }
    }

    private void beat() {
        long now = System.currentTimeMillis();
        sessions.all().forEach(session -> {
            try {
                check(session, now);
            } catch (RuntimeException e) {
                LOG.warnf("Heartbeat of connection %s failed: %s", session.getId(), e.toString());
            }
        });
    }

    private void check(Session session, long now) {
        ConnectionBudget budget = ConnectionBudget.of(session);
        if (budget == null || !session.isOpen()) {
            return;
        }
        if (!budget.answered()) {
            // The pong timeout counts from when the ping could reach the client: not while it waits behind frames
            // this node has not written yet (an overloaded node would otherwise call its slow clients dead).
            long out = budget.pingOut(now);
            if (out != 0 && now - out > timeoutMs) {
                dead(session);
            }
            return;
        }
        if (budget.nextPing() == 0) {
            budget.schedule(now + intervalMs);
        } else if (now >= budget.nextPing()) {
            budget.pinged(now, now + intervalMs);
            ping(session, now);
        }
    }

    private static void ping(Session session, long now) {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, now));
            Metrics.PINGS_SENT.increment();
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("Ping to connection %s failed: %s", session.getId(), e.toString());
        }
    }

    /**
     * Closes a connection that did not answer: 1001 (should the client still be there, it reconnects and resumes), and
     * the TCP connection is dropped if nothing moves on it for {@link #DRAIN_MS}, since a dead peer never answers the
     * close.
     */
    private void dead(Session session) {
        Metrics.DEAD_CONNECTIONS.increment();
        LOG.debugf("Connection %s of %s closed as dead: no answer within %d ms of a ping", session.getId(),
                ChatPrincipal.userOf(session), timeoutMs);
        session.setMaxIdleTimeout(DRAIN_MS);
        Outbound.close(session, new CloseReason(CloseCodes.GOING_AWAY, "no answer to a ping within " + timeoutMs
                + " ms"));
    }
}
