package org.chorus.infrastructure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.infrastructure.store.ChatCaches;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.infinispan.Cache;
import org.infinispan.lifecycle.ComponentStatus;

/**
 * Live while every Chorus cache is running: a node on the minority side of a split is not ready ({@link CachesCheck})
 * but alive, since it recovers by itself when the split heals; restarting it would gain nothing.
 */
@Liveness
@ApplicationScoped
public class CachesRunningCheck implements HealthCheck {

    @Inject
    ChatCaches caches;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        for (Cache<?, ?> cache : caches.all()) {
            data.put(cache.getName(), cache.getStatus().toString());
            up &= cache.getStatus() == ComponentStatus.RUNNING;
        }
        return new HealthCheckResponse("chorus-caches", up
                ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
