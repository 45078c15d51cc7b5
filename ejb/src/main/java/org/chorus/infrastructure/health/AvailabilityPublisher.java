package org.chorus.infrastructure.health;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.chorus.domain.Partition;
import org.chorus.infrastructure.store.ChatCaches;
import org.jboss.logging.Logger;

/**
 * Publishes this node's side of a split as the platform MBean {@value #NAME} (attribute {@code Available}), where the
 * mod_cluster load metric of module {@code org.chorus.modcluster} reads it: the balancer sends a node in a minority no
 * new clients, and takes it back after the merge.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AvailabilityPublisher {

    /** The name the load metric looks for. */
    public static final String NAME = "org.chorus:type=Availability";

    private static final Logger LOG = Logger.getLogger(AvailabilityPublisher.class);

    /** The MBean's view: one read-only attribute. */
    public interface View {

        boolean isAvailable();
    }

    private final AtomicBoolean available = new AtomicBoolean(true);

    @Inject
    ChatCaches caches;

    @PostConstruct
    void start() {
        available.set(caches.available());
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left by a deployment that did not stop cleanly
            }
            View view = available::get;
            server.registerMBean(new StandardMBean(view, View.class, true), name);
        } catch (JMException e) {
            // Without it the balancer keeps this node in rotation during a split; the node itself still refuses.
            LOG.errorf("Publishing %s for the balancer failed: %s", NAME, e.toString());
        }
    }

    /** The current side of a split, as PartitionWatch announces it. */
    public void changed(@Observes Partition partition) {
        available.set(partition.available());
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
