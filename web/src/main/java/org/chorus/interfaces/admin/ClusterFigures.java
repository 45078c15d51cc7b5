package org.chorus.interfaces.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.chorus.domain.NodeStats;
import org.chorus.infrastructure.messaging.ChatTopic;
import org.chorus.infrastructure.store.LocalNode;
import org.chorus.interfaces.metrics.Metrics;
import org.chorus.interfaces.websocket.LocalSessions;
import org.chorus.interfaces.websocket.Ticker;
import org.jboss.logging.Logger;

/**
 * Every node's latest figures: this node publishes its own on the topic within two seconds of a change, and every four
 * seconds when nothing changed (an idle cluster then sends a figure a node every four seconds, not every two), and
 * keeps what every node published; a node silent for ten seconds is left out.
 */
@ApplicationScoped
public class ClusterFigures {

    private static final Logger LOG = Logger.getLogger(ClusterFigures.class);
    private static final long EVERY_MS = 2000;
    private static final long STALE_MS = 10_000;
    /**
     * Unchanged figures go out again at the first tick this long after the last publish (4 s on the 2 s tick): two
     * silences in a row stay within {@link #STALE_MS}, so that one lost publish does not drop the node.
     */
    private static final long UNCHANGED_EVERY_MS = 3_500;

    private final Map<String, NodeStats> latest = new ConcurrentHashMap<>();

    @Inject
    ChatTopic topic;

    @Inject
    LocalSessions sessions;

    @Inject
    Ticker ticker;

    private ScheduledFuture<?> publisher;
    /** What this node published last (run by one timer task at a time). */
    private NodeStats published;

    /** Starts with the application, not at the first admin request. */
    void boot(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the application's start is what creates this bean (and starts the publisher) at once.
    }

    @PostConstruct
    void start() {
        publisher = ticker.executor().scheduleWithFixedDelay(this::publish, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        publisher.cancel(false);
    }

    void received(@Observes NodeStats stats) {
        latest.put(stats.node(), stats);
    }

    /** The nodes heard from in the last ten seconds, by name. */
    public List<NodeStats> nodes() {
        long now = System.currentTimeMillis();
        return latest.values().stream().filter(s -> now - s.at() < STALE_MS).sorted((a, b) -> a.node().compareTo(b
                .node())).toList();
    }

    private void publish() {
        long now = System.currentTimeMillis();
        NodeStats stats = new NodeStats(LocalNode.name(), sessions.count(), Metrics.MESSAGES_IN.sum(),
                Metrics.MESSAGES_OUT.sum(), Metrics.resumed(), Metrics.fresh(), now);
        if (published != null && now - published.at() < UNCHANGED_EVERY_MS && stats.equals(published.at(now))) {
            return;
        }
        try {
            topic.publish(stats);
            published = stats;
        } catch (RuntimeException e) {
            LOG.debugf("Publishing this node's figures failed: %s", e.toString());
        }
    }
}
