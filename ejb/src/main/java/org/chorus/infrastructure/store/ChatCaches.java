package org.chorus.infrastructure.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.infinispan.Cache;

/**
 * The caches of the {@code chorus} cache container, defined by {@code config/chorus-profile.cli}; values are plain
 * strings and numbers, so they need no marshalling schema.
 */
@ApplicationScoped
public class ChatCaches {

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/history")
    Cache<String, String> history;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/rooms")
    Cache<String, Long> rooms;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/dedupe")
    Cache<String, String> dedupe;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/presence")
    Cache<String, String> presence;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/connections")
    Cache<String, String> connections;

    @Resource(lookup = "java:jboss/infinispan/cache/chorus/rates")
    Cache<String, String> rates;

    /** Stored messages as JSON under {@code room#seq}. */
    public Cache<String, String> history() {
        return history;
    }

    /** Each room's latest seq, never lowered. */
    public Cache<String, Long> rooms() {
        return rooms;
    }

    /** Where the first send of a (user, client id) was stored. */
    public Cache<String, String> dedupe() {
        return dedupe;
    }

    /** The live connections of each (room, user). */
    public Cache<String, String> presence() {
        return presence;
    }

    /** Each connection's state by resume token. */
    public Cache<String, String> connections() {
        return connections;
    }

    /** Each user's send budget, a {@link org.chorus.domain.TokenBucket}. */
    public Cache<String, String> rates() {
        return rates;
    }

    /** Every cache, for the health checks. */
    public java.util.List<Cache<?, ?>> all() {
        return java.util.List.of(history, rooms, dedupe, presence, connections, rates);
    }
}
