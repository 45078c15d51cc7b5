package org.chorus.interfaces.websocket;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.chorus.application.Connections;
import org.chorus.domain.SessionEnded;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes, every {@code chorus.session-check-ms}, this node's connections of HTTP sessions that ended anywhere in the
 * cluster, read from the replicated marker the ending node writes: a logout closes every socket within about a second
 * even when the topic announcement is lost (a broker down or restarting).
 */
@ApplicationScoped
public class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);

    @Inject
    @ConfigProperty(name = "chorus.session-check-ms", defaultValue = "1000")
    long periodMs;

    @Inject
    Connections connections;

    @Inject
    LocalSessions sessions;

    @Inject
    Ticker ticker;

    private ScheduledFuture<?> check;
    private volatile boolean failing;

    void boot(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (periodMs > 0) {
            check = ticker.executor().scheduleWithFixedDelay(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }

    void check() {
        try {
            List<String> ended = sessions.httpSessions().stream().filter(connections::ended).toList();
            for (String httpSession : ended) {
                LOG.debugf("HTTP session %s ended elsewhere; closing its connections on this node", httpSession);
                sessions.close(new SessionEnded(httpSession));
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Checking for ended HTTP sessions failed (logged once until it works again): %s", e);
            }
            failing = true;
        }
    }
}
