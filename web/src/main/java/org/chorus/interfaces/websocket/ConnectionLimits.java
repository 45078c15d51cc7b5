package org.chorus.interfaces.websocket;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The per-connection limits of PROTOCOL.md on this node: message size (1009, enforced part by part, since Undertow does
 * not enforce it for text), binary frames (1003), unsent bytes (1013, see {@link Outbound}), idleness (1001) and the
 * asynchronous send timeout.
 */
@ApplicationScoped
public class ConnectionLimits {

    private static final Logger LOG = Logger.getLogger(ConnectionLimits.class);

    @Inject
    @ConfigProperty(name = "chorus.max-text-message-bytes", defaultValue = "65536")
    long maxTextMessageBytes;

    @Inject
    @ConfigProperty(name = "chorus.send-buffer-bytes", defaultValue = "1048576")
    long sendBufferBytes;

    @Inject
    @ConfigProperty(name = "chorus.max-idle-ms", defaultValue = "1800000")
    long maxIdleMs;

    @Inject
    @ConfigProperty(name = "chorus.send-timeout-ms", defaultValue = "60000")
    long sendTimeoutMs;

    @Inject
    Ticker ticker;

    @Inject
    LocalSessions sessions;

    private ScheduledFuture<?> idleSweep;

    @PostConstruct
    void start() {
        idleSweep = ticker.executor().scheduleWithFixedDelay(this::closeIdle, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        idleSweep.cancel(false);
    }

    void opened(Session session) {
        ConnectionBudget.attach(session, new ConnectionBudget(maxTextMessageBytes, sendBufferBytes));
        session.getAsyncRemote().setSendTimeout(sendTimeoutMs);
    }

    /**
     * Adds a part of a text message; returns the whole message after its last part, null before (and after closing a
     * connection whose message passed the limit with 1009).
     */
    String assemble(Session session, String part, boolean last) {
        try {
            return ConnectionBudget.of(session).assemble(part, last);
        } catch (ConnectionBudget.TooBig e) {
            Outbound.close(session, new CloseReason(CloseCodes.TOO_BIG, e.getMessage()));
            return null;
        }
    }

    /** Binary frames are not part of the protocol: 1003. */
    void refuseBinary(Session session) {
        Outbound.close(session, new CloseReason(CloseCodes.CANNOT_ACCEPT, "text frames only"));
    }

    private void closeIdle() {
        long now = System.currentTimeMillis();
        sessions.all().filter(Session::isOpen).forEach(session -> {
            ConnectionBudget budget = ConnectionBudget.of(session);
            if (budget != null && now - budget.lastInbound() > maxIdleMs) {
                LOG.debugf("Connection %s closed after %d ms without a frame", session.getId(), maxIdleMs);
                Outbound.close(session, new CloseReason(CloseCodes.GOING_AWAY, "idle for " + maxIdleMs + " ms"));
            }
        });
    }
}
