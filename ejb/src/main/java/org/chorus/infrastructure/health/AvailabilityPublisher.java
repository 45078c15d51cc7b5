package org.chorus.infrastructure.health;

import java.lang.management.ManagementFactory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.chorus.infrastructure.store.ChatCaches;
import org.infinispan.AdvancedCache;
import org.infinispan.partitionhandling.AvailabilityMode;
import org.jboss.logging.Logger;

/**
 * Publishes this node's side of a split as the platform MBean {@value #NAME} (attribute {@code Available}: the
 * {@code history} cache's availability, read when asked), where the mod_cluster load metric of module
 * {@code org.chorus.modcluster} reads it: the balancer sends a node in a minority no new clients, and takes it back
 * after the merge.
 */
@Singleton
@Startup
public class AvailabilityPublisher {

    /** The name the load metric looks for. */
    public static final String NAME = "org.chorus:type=Availability";

    private static final Logger LOG = Logger.getLogger(AvailabilityPublisher.class);

    /** The MBean's view: one read-only attribute. */
    public interface View {

        boolean isAvailable();
    }

    @Inject
    ChatCaches caches;

    @PostConstruct
    void start() {
        // The cache itself, not the CDI bean: mod_cluster's status thread asks, every 2 s.
        AdvancedCache<?, ?> history = caches.history().getAdvancedCache();
        View view = () -> history.getAvailability() == AvailabilityMode.AVAILABLE;
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left by a deployment that did not stop cleanly
            }
            server.registerMBean(new StandardMBean(view, View.class, true), name);
        } catch (JMException e) {
            // Without it the balancer keeps this node in rotation during a split; the node itself still refuses.
            LOG.errorf("Publishing %s for the balancer failed: %s", NAME, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException e) {
            LOG.debugf("Unregistering %s: %s", NAME, e.toString());
        }
    }
}
