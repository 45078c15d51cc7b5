package org.chorus.infrastructure.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.chorus.domain.Partition;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.PartitionStatusChanged;
import org.infinispan.notifications.cachelistener.event.PartitionStatusChangedEvent;
import org.infinispan.partitionhandling.AvailabilityMode;
import org.jboss.logging.Logger;

/**
 * Fires a {@link Partition} event when the {@code history} cache's availability changes: with partition handling
 * configured ({@code config/partition-deny.cli}), a node that finds itself in a minority of a split gets a degraded
 * cache, and the WebSocket layer sends its clients to the majority.
 */
@Singleton
@Startup
public class PartitionWatch {

    private static final Logger LOG = Logger.getLogger(PartitionWatch.class);

    /** The listener Infinispan calls: a plain object, since the container may subclass the bean itself. */
    @Listener
    public final class AvailabilityListener {

        @PartitionStatusChanged
        public void changed(PartitionStatusChangedEvent<?, ?> event) {
            if (event.isPre()) {
                return;
            }
            AvailabilityMode mode = event.getAvailabilityMode();
            LOG.warnf("The history cache is %s on this node (%s)", mode, mode == AvailabilityMode.AVAILABLE
                    ? "merged with the majority"
                    : "a minority of a split: its clients are sent to the other nodes");
            // Not on the thread that reports the change: observers close connections.
            executor.execute(PartitionWatch.this::announce);
        }
    }

    private final AvailabilityListener listener = new AvailabilityListener();

    @Inject
    ChatCaches caches;

    @Inject
    Event<Partition> events;

    @Resource
    ManagedExecutorService executor;

    /**
     * Fires the availability of this moment, not of the event that queued it: two changes in quick succession may run
     * in either order, and the last one fired must be the current one. With the deployment's class loader, which a task
     * submitted from an Infinispan thread does not carry: the observers write to the caches.
     */
    private void announce() {
        Thread thread = Thread.currentThread();
        ClassLoader prior = thread.getContextClassLoader();
        thread.setContextClassLoader(PartitionWatch.class.getClassLoader());
        try {
            events.fire(new Partition(caches.available()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Announcing this node's side of a split failed");
        } finally {
            thread.setContextClassLoader(prior);
        }
    }

    @PostConstruct
    void start() {
        caches.history().addListener(listener);
    }

    @PreDestroy
    void stop() {
        caches.history().removeListener(listener);
    }
}
