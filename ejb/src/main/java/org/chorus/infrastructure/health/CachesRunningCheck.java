package org.chorus.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.infrastructure.store.ChatCaches;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

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
        return CachesCheck.report(caches.all(), false);
    }
}
