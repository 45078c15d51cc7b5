package org.chorus.infrastructure.store;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.TokenBucket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;

/**
 * How fast each user may send, across all their connections and every node: one {@link TokenBucket} per user in the
 * replicated {@code rates} cache, taken from by compare-and-set. A reconnect, on any node, finds the same bucket.
 */
@ApplicationScoped
public class SendRate {

    private static final int ATTEMPTS = 16;

    @Inject
    ChatCaches caches;

    @Inject
    @ConfigProperty(name = "chorus.rate.per-second", defaultValue = "20")
    double perSecond;

    @Inject
    @ConfigProperty(name = "chorus.rate.burst", defaultValue = "40")
    double burst;

    /** Takes one of the user's tokens; false when there is none (or, rarely, when other sends kept winning). */
    public boolean take(String user) {
        Cache<String, TokenBucket> rates = caches.rates();
        // A bucket untouched this long is full again: it may as well expire.
        long lifespan = (long) Math.ceil(burst / perSecond * 1000) + 1000;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = System.currentTimeMillis();
            TokenBucket old = rates.get(user);
            TokenBucket bucket = old == null ? TokenBucket.full(burst, now) : old.at(now, perSecond, burst);
            if (!bucket.hasToken()) {
                return false;
            }
            TokenBucket next = bucket.take();
            boolean won = old == null
                    ? rates.putIfAbsent(user, next, lifespan, TimeUnit.MILLISECONDS) == null
                    : rates.replace(user, old, next, lifespan, TimeUnit.MILLISECONDS);
            if (won) {
                return true;
            }
        }
        return false;
    }

    /** The limit in words, for the client's error message. */
    public String describe() {
        return perSecond + " per second (bursts of " + burst + ")";
    }
}
