package org.chorus.interfaces.health;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.interfaces.websocket.RoomFeeds;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the node's delivery timer runs: the once-a-second catch-up of its rooms with history ended less than 10
 * seconds ago.
 */
@Liveness
@ApplicationScoped
public class DeliveryCheck implements HealthCheck {

    private static final long STALE_MS = 10_000;

    @Inject
    RoomFeeds feeds;

    @Override
    public HealthCheckResponse call() {
        long age = System.currentTimeMillis() - feeds.caughtUp();
        return new HealthCheckResponse("chorus-delivery", age < STALE_MS
                ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(Map.of("last-catch-up-ms-ago", age)));
    }
}
