package org.chorus.infrastructure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.infrastructure.store.ChatCaches;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.infinispan.Cache;
import org.infinispan.lifecycle.ComponentStatus;
import org.infinispan.partitionhandling.AvailabilityMode;

/**
 * Ready when every Chorus cache is running and available for reads and writes (not on the minority side of a split);
 * liveness asks only that they run ({@link CachesRunningCheck}).
 */
@Readiness
@ApplicationScoped
public class CachesCheck implements HealthCheck {

    @Inject
    ChatCaches caches;

    @Override
    public HealthCheckResponse call() {
        return report(caches.all(), true);
    }

    /**
     * {@code chorus-caches}: UP when every cache runs and, if {@code available} is asked for, may be read and written;
     * each cache's status (and availability) in the data.
     */
    static HealthCheckResponse report(List<Cache<?, ?>> all, boolean available) {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        for (Cache<?, ?> cache : all) {
            ComponentStatus status = cache.getStatus();
            up &= status == ComponentStatus.RUNNING;
            if (available) {
                AvailabilityMode availability = cache.getAdvancedCache().getAvailability();
                data.put(cache.getName(), status + "/" + availability);
                up &= availability == AvailabilityMode.AVAILABLE;
            } else {
                data.put(cache.getName(), status.toString());
            }
        }
        return new HealthCheckResponse("chorus-caches", up
                ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
