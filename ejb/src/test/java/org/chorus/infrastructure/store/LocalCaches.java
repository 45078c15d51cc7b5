package org.chorus.infrastructure.store;

import org.chorus.cache.ConnectionEntry;
import org.chorus.cache.DedupeEntry;
import org.chorus.cache.OnlineConnections;
import org.chorus.cache.StoredMessage;
import org.chorus.cache.TokenBucket;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/** Chorus's caches as local caches of one Infinispan cache manager, each made when first used: for unit tests. */
final class LocalCaches extends ChatCaches implements AutoCloseable {

    private final DefaultCacheManager manager = new DefaultCacheManager();

    @Override
    public Cache<String, StoredMessage> history() {
        return cache("history");
    }

    @Override
    public Cache<String, Long> rooms() {
        return cache("rooms");
    }

    @Override
    public Cache<String, DedupeEntry> dedupe() {
        return cache("dedupe");
    }

    @Override
    public Cache<String, OnlineConnections> presence() {
        return cache("presence");
    }

    @Override
    public Cache<String, ConnectionEntry> connections() {
        return cache("connections");
    }

    @Override
    public Cache<String, TokenBucket> rates() {
        return cache("rates");
    }

    @Override
    public void close() {
        manager.stop();
    }

    private <V> Cache<String, V> cache(String name) {
        if (manager.getCacheConfiguration(name) == null) {
            manager.defineConfiguration(name, new ConfigurationBuilder().build());
        }
        return manager.getCache(name);
    }
}
