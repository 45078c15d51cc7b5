package org.chorus.infrastructure.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.OnlineConnections;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.annotation.TopologyChanged;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;
import org.infinispan.notifications.cachelistener.event.TopologyChangedEvent;
import org.jboss.logging.Logger;

/**
 * This node's index of the users online in each room, kept from the replicated {@code presence} cache's own entry
 * events, so that a join lists its room's members without scanning every key of the cache (the scan was two thirds of a
 * join's CPU with 1,000 clients online, and grew with every client of every room).
 * <p>
 * Events of one key can be handled out of order on two threads, so each handler looks at the cache again after it
 * changed the index (outside the map's lock: no lock is held across a cache call): whichever handler changes the index
 * last then reads the cache's final state, and the index agrees with it once the events are handled. A sweep every
 * {@link #SWEEP_SECONDS} seconds makes up for an event that never came. A join reads the index alone.
 */
@ApplicationScoped
public class PresenceIndex {

    private static final Logger LOG = Logger.getLogger(PresenceIndex.class);
    static final long SWEEP_SECONDS = 10;

    /** The listener Infinispan calls on this node for every write of the cache, wherever it was made. */
    @Listener(observation = Listener.Observation.POST)
    public final class Updates {

        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<String, OnlineConnections> event) {
            try {
                PresenceIndex.this.created(event.getKey());
            } catch (RuntimeException e) {
                // Thrown here, it would fail the cache write that has already happened; the sweep repairs the index.
                LOG.warnf("Indexing the presence of %s failed: %s", event.getKey(), e.toString());
            }
        }

        @CacheEntryRemoved
        public void removed(CacheEntryRemovedEvent<String, OnlineConnections> event) {
            try {
                PresenceIndex.this.removed(event.getKey());
            } catch (RuntimeException e) {
                LOG.warnf("Removing the presence of %s from the index failed: %s", event.getKey(), e.toString());
            }
        }

        /**
         * A new topology can bring or drop entries without an event of their own (a member rejoining after a split
         * drops its copy and takes the other side's by state transfer), so the index is swept again at once.
         */
        @TopologyChanged
        public void topology(TopologyChangedEvent<String, OnlineConnections> event) {
            if (!sweepQueued.compareAndSet(false, true)) {
                return; // the phases of one rebalance come in a burst: one sweep after them is enough
            }
            try {
                scheduler.execute(() -> {
                    sweepQueued.set(false);
                    sweep();
                });
            } catch (RejectedExecutionException e) {
                sweepQueued.set(false);
                // The deployment is stopping: there is no index left to repair.
                LOG.debugf("No presence sweep after a topology change: %s", e.toString());
            }
        }
    }

    private final Updates updates = new Updates();
    private final AtomicBoolean sweepQueued = new AtomicBoolean();
    private final Map<String, Set<String>> online = new ConcurrentHashMap<>();

    @Inject
    ChatCaches caches;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        listen();
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Follows the cache's events from now on, and reads the keys it already holds. */
    void listen() {
        caches.presence().addListener(updates);
        sweep();
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
        caches.presence().removeListener(updates);
    }

    /** The users online in a room, sorted: a copy of the index, without a cache call. */
    public List<String> members(String room) {
        Set<String> users = online.get(room);
        return users == null ? List.of() : List.copyOf(users);
    }

    /** A key was created: index it, then look at the cache again in case its removal was handled first. */
    void created(String key) {
        index(key);
        if (!caches.presence().containsKey(key)) {
            unindex(key);
        }
    }

    /** A key was removed: drop it, then look at the cache again in case it was created again meanwhile. */
    void removed(String key) {
        unindex(key);
        if (caches.presence().containsKey(key)) {
            index(key);
        }
    }

    /** Inside the map's compute, as the removal is: an add must not land in a set that was just dropped. */
    private void index(String key) {
        online.compute(PresenceKey.room(key), (room, users) -> {
            Set<String> set = users == null ? new ConcurrentSkipListSet<>() : users;
            set.add(PresenceKey.user(key));
            return set;
        });
    }

    private void unindex(String key) {
        online.computeIfPresent(PresenceKey.room(key), (room, users) -> {
            users.remove(PresenceKey.user(key));
            return users.isEmpty() ? null : users;
        });
    }

    /** Makes the index the cache's keys again (for an event that never came). */
    void sweep() {
        try {
            Set<String> keys = new HashSet<>(caches.presence().keySet());
            keys.forEach(this::created);
            online.forEach((room, users) -> users.stream().map(user -> PresenceKey.of(room, user)).filter(
                    key -> !keys.contains(key)).toList().forEach(this::removed));
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping the presence index failed: %s", e.toString());
        }
    }
}
