package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import io.undertow.websockets.jsr.UndertowSession;

import org.chorus.interfaces.metrics.Metrics;
import org.jboss.logging.Logger;

/**
 * Every frame to a client goes through here: encoded once, sent asynchronously and counted against the connection's
 * unsent-bytes limit, so that a client that stops reading is closed with 1013 instead of holding memory and slowing the
 * others.
 */
final class Outbound {

    private static final Logger LOG = Logger.getLogger(Outbound.class);
    private static final CloseReason TOO_SLOW = new CloseReason(CloseCodes.TRY_AGAIN_LATER,
            "too slow: unsent data passed the limit");

    private Outbound() {
    }

    static void send(Session session, String frame) {
        toAll(List.of(session), frame);
    }

    /**
     * Sends one frame to several connections, encoding it once; on WildFly (Undertow's sessions) in one task per I/O
     * thread, see {@link IoThreadWrites}.
     */
    static void toAll(Collection<Session> sessions, String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        IoThreadWrites writes = new IoThreadWrites();
        for (Session session : sessions) {
            add(writes, session, frame, bytes);
        }
        writes.start();
    }

    /** Sends several frames to one connection, in order, in one task of its I/O thread (a join's replay). */
    static void sendEach(Session session, List<String> frames) {
        IoThreadWrites writes = new IoThreadWrites();
        for (String frame : frames) {
            add(writes, session, frame, frame.getBytes(StandardCharsets.UTF_8));
        }
        writes.start();
    }

    private static void add(IoThreadWrites writes, Session session, String frame, byte[] bytes) {
        if (!session.isOpen()) {
            return;
        }
        ConnectionBudget budget = ConnectionBudget.of(session);
        if (budget != null && !budget.reserve(bytes.length)) {
            if (budget.overrun()) {
                Metrics.SLOW_READER_CLOSES.increment();
                LOG.debugf("Connection %s of %s closed: it stopped reading", session.getId(), ChatPrincipal.userOf(
                        session));
                close(session, TOO_SLOW);
            }
            return;
        }
        if (session instanceof UndertowSession undertow) {
            writes.add(undertow, budget, bytes);
        } else {
            sendAsync(session, frame, budget, bytes.length);
        }
    }

    /** Sends through the Jakarta API, for a session of another WebSocket implementation. */
    private static void sendAsync(Session session, String frame, ConnectionBudget budget, long bytes) {
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
