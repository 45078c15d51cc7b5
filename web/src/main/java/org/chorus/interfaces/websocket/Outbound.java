package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.util.Collection;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import org.chorus.interfaces.metrics.Metrics;
import org.jboss.logging.Logger;

/**
 * Every frame to a client goes through here: sent asynchronously and counted against the connection's unsent-bytes
 * limit, so that a client that stops reading is closed with 1013 instead of holding memory and slowing the others.
 */
final class Outbound {

    private static final Logger LOG = Logger.getLogger(Outbound.class);
    private static final CloseReason TOO_SLOW = new CloseReason(CloseCodes.TRY_AGAIN_LATER,
            "too slow: unsent data passed the limit");

    private Outbound() {
    }

    static void send(Session session, String frame) {
        send(session, frame, Utf8.length(frame));
    }

    /** Sends one frame to several connections, measuring it once. */
    static void toAll(Collection<Session> sessions, String frame) {
        long bytes = Utf8.length(frame);
        sessions.forEach(session -> send(session, frame, bytes));
    }

    private static void send(Session session, String frame, long bytes) {
        if (!session.isOpen()) {
            return;
        }
        ConnectionBudget budget = ConnectionBudget.of(session);
        if (budget != null && !budget.reserve(bytes)) {
            if (budget.overrun()) {
                Metrics.SLOW_READER_CLOSES.increment();
                LOG.debugf("Connection %s of %s closed: it stopped reading", session.getId(),
                        ChatPrincipal.userOf(session));
                close(session, TOO_SLOW);
            }
            return;
        }
        session.getAsyncRemote().sendText(frame, result -> {
            if (budget != null) {
                budget.written(bytes);
            }
            if (!result.isOK()) {
                LOG.debugf("Send to connection %s failed: %s", session.getId(), result.getException());
            }
        });
    }

    static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("Closing connection %s failed: %s", session.getId(), e.toString());
        }
    }

}
