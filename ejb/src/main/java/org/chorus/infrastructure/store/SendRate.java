package org.chorus.infrastructure.store;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.TokenBucket;
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

    /**
     * Takes one of the user's tokens; completes with false when there is none (or, rarely, when other sends kept
     * winning). Asynchronous, so that the caller can make its dedupe claim while the bucket's compare-and-set travels.
     */
    public CompletableFuture<Boolean> take(String user) {
        return attempt(user, 0);
    }

    private CompletableFuture<Boolean> attempt(String user, int attempt) {
        if (attempt == ATTEMPTS) {
            return CompletableFuture.completedFuture(false);
        }
        Cache<String, String> rates = caches.rates();
        // A bucket untouched this long is full again: it may as well expire.
        long lifespan = (long) Math.ceil(burst / perSecond * 1000) + 1000;
        long now = System.currentTimeMillis();
        String old = rates.get(user);
        TokenBucket bucket = old == null
                ? TokenBucket.full(burst, now)
                : TokenBucket.parse(old).at(now, perSecond, burst);
        if (!bucket.hasToken()) {
            return CompletableFuture.completedFuture(false);
        }
        String next = bucket.take().toString();
        CompletableFuture<Boolean> won = old == null
                ? rates.putIfAbsentAsync(user, next, lifespan, TimeUnit.MILLISECONDS).thenApply(Objects::isNull)
                : rates.replaceAsync(user, old, next, lifespan, TimeUnit.MILLISECONDS);
        return won.thenCompose(taken -> taken ? CompletableFuture.completedFuture(true) : attempt(user, attempt + 1));
    }

    /** The limit in words, for the client's error message. */
    public String describe() {
        return perSecond + " per second (bursts of " + burst + ")";
    }
}
