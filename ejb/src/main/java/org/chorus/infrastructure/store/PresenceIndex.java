package org.chorus.infrastructure.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;
import org.jboss.logging.Logger;

/**
 * This node's index of the users online in each room, kept from the replicated {@code presence} cache's own entry
 * events, so that a join lists its room's members without scanning every key of the cache (the scan was two thirds of a
 * join's CPU with 1,000 clients online, and grew with every client of every room).
 * <p>
 * The index may briefly hold a user whose entry is gone (events of one key can be handled out of order on two threads),
 * never the other way round for long: {@link #members} checks each candidate against the cache, and a sweep every
 * {@link #SWEEP_SECONDS} seconds adds what the events missed and drops what they left.
 */
@ApplicationScoped
public class PresenceIndex {

    private static final Logger LOG = Logger.getLogger(PresenceIndex.class);
    static final long SWEEP_SECONDS = 10;

    /** The listener Infinispan calls on this node for every write of the cache, wherever it was made. */
    @Listener(observation = Listener.Observation.POST)
    public final class Updates {

        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<String, String> event) {
            add(event.getKey());
        }

        @CacheEntryRemoved
        public void removed(CacheEntryRemovedEvent<String, String> event) {
            remove(event.getKey());
        }
    }

    private final Updates updates = new Updates();
    private final Map<String, Set<String>> online = new ConcurrentHashMap<>();

    @Inject
    ChatCaches caches;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        caches.presence().addListener(updates);
        sweep();
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
        caches.presence().removeListener(updates);
    }

    /** The users online in a room, sorted. */
    public List<String> members(String room) {
        Set<String> users = online.get(room);
        if (users == null) {
            return List.of();
        }
        Cache<String, String> presence = caches.presence();
        return users.stream().filter(user -> presence.containsKey(PresenceKey.of(room, user))).toList();
    }

    private void add(String key) {
        online.computeIfAbsent(PresenceKey.room(key), room -> new ConcurrentSkipListSet<>()).add(PresenceKey.user(
                key));
    }

    private void remove(String key) {
        online.computeIfPresent(PresenceKey.room(key), (room, users) -> {
            users.remove(PresenceKey.user(key));
            return users.isEmpty() ? null : users;
        });
    }

    /** Makes the index the cache's keys again. */
    private void sweep() {
        try {
            Set<String> keys = new HashSet<>(caches.presence().keySet());
            keys.forEach(this::add);
            online.forEach((room, users) -> users.stream().map(user -> PresenceKey.of(room, user)).filter(
                    key -> !keys.contains(key) && !caches.presence().containsKey(key)).toList().forEach(this::remove));
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping the presence index failed: %s", e.toString());
        }
    }
}
