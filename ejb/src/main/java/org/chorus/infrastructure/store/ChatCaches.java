package org.chorus.infrastructure.store;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.cache.ConnectionEntry;
import org.chorus.cache.DedupeEntry;
import org.chorus.cache.OnlineConnections;
import org.chorus.cache.StoredMessage;
import org.chorus.cache.TokenBucket;
import org.infinispan.Cache;
import org.infinispan.partitionhandling.AvailabilityMode;

/**
 * The caches of the {@code chorus} cache container, defined by {@code config/chorus-profile.cli}. Typed values come
 * from module {@code org.chorus.cache}, whose ProtoStream schema the container loads.
 * <p>
 * The injected caches are WildFly's lazy handles, which look the cache up again, with the calling thread's class
 * loader, for every operation (a synchronized registry check and a new wrapper each time: 6 % of a node's CPU under
 * load). Each is resolved once here, with this module's class loader, so that every caller (WebSocket, message-driven
 * bean, timer) reads and writes the same marshalled form.
 */
@ApplicationScoped
public class ChatCaches {

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/history")
    Cache<String, StoredMessage> historyHandle;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/rooms")
    Cache<String, Long> roomsHandle;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/dedupe")
    Cache<String, DedupeEntry> dedupeHandle;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/presence")
    Cache<String, OnlineConnections> presenceHandle;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/connections")
    Cache<String, ConnectionEntry> connectionsHandle;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/rates")
    Cache<String, TokenBucket> ratesHandle;

    private Cache<String, StoredMessage> history;
    private Cache<String, Long> rooms;
    private Cache<String, DedupeEntry> dedupe;
    private Cache<String, OnlineConnections> presence;
    private Cache<String, ConnectionEntry> connections;
    private Cache<String, TokenBucket> rates;

    @PostConstruct
    void resolve() {
        Thread thread = Thread.currentThread();
        ClassLoader prior = thread.getContextClassLoader();
        thread.setContextClassLoader(ChatCaches.class.getClassLoader());
        try {
            history = historyHandle.getAdvancedCache();
            rooms = roomsHandle.getAdvancedCache();
            dedupe = dedupeHandle.getAdvancedCache();
            presence = presenceHandle.getAdvancedCache();
            connections = connectionsHandle.getAdvancedCache();
            rates = ratesHandle.getAdvancedCache();
        } finally {
            thread.setContextClassLoader(prior);
        }
    }

    /** Stored messages under {@code room#seq}. */
    public Cache<String, StoredMessage> history() {
        return history;
    }

    /** Each room's latest seq, never lowered. */
    public Cache<String, Long> rooms() {
        return rooms;
    }

    /** Where the first send of a (user, client id) was stored. */
    public Cache<String, DedupeEntry> dedupe() {
        return dedupe;
    }

    /** The live connections of each (room, user). */
    public Cache<String, OnlineConnections> presence() {
        return presence;
    }

    /** Each connection's state by resume token. */
    public Cache<String, ConnectionEntry> connections() {
        return connections;
    }

    /** Each user's send budget. */
    public Cache<String, TokenBucket> rates() {
        return rates;
    }

    /**
     * False on the minority side of a split when partition handling denies it reads and writes (the {@code history}
     * cache's availability stands for all of them): a local check, no cluster call.
     */
    public boolean available() {
        return history.getAdvancedCache().getAvailability() == AvailabilityMode.AVAILABLE;
    }

    /** Every cache, for the health checks. */
    public List<Cache<?, ?>> all() {
        return List.of(history, rooms, dedupe, presence, connections, rates);
    }
}
