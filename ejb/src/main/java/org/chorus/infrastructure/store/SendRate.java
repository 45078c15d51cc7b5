package org.chorus.infrastructure.store;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.TakeToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How fast each user may send, across all their connections and every node: one {@link org.chorus.cache.TokenBucket}
 * per user in the {@code rates} cache, distributed with one owner, which takes each token ({@link TakeToken}). A
 * reconnect, on any node, finds the same bucket; a crash of its owner forgets it, so that user gets a full burst again.
 */
@ApplicationScoped
public class SendRate {

    @Inject
    ChatCaches caches;

    @Inject
    @ConfigProperty(name = "chorus.rate.per-second", defaultValue = "20")
    double perSecond;

    @Inject
    @ConfigProperty(name = "chorus.rate.burst", defaultValue = "40")
    double burst;

    /** Takes one of the user's tokens; false when there is none. */
    public boolean take(String user) {
        // A bucket untouched this long is full again: it may as well expire.
        long lifespan = (long) Math.ceil(burst / perSecond * 1000) + 1000;
        return caches.rates().compute(user, new TakeToken(System.currentTimeMillis(), perSecond, burst), lifespan,
                TimeUnit.MILLISECONDS).took();
    }

    /** The limit in words, for the client's error message. */
    public String describe() {
        return perSecond + " per second (bursts of " + burst + ")";
    }
}
