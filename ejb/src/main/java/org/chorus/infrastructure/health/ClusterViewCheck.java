package org.chorus.infrastructure.health;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.infrastructure.store.LocalNode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Ready when this node is a member of the Chorus cluster view (the cache container's JGroups channel is connected).
 */
@Readiness
@ApplicationScoped
public class ClusterViewCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/infinispan/container/chorus")
    EmbeddedCacheManager container;

    @Override
    public HealthCheckResponse call() {
        var members = container.getMembers();
        boolean member = members != null && members.stream().anyMatch(a -> a.toString().equals(LocalNode.name()));
        return new HealthCheckResponse("chorus-cluster-view", member
                ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("node", LocalNode.name(), "members", String
                        .valueOf(members), "coordinator", container.isCoordinator())));
    }
}
