package org.chorus.modcluster;

import java.lang.management.ManagementFactory;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.jboss.modcluster.container.Engine;
import org.jboss.modcluster.load.metric.LoadMetric;
import org.jboss.modcluster.load.metric.NodeUnavailableException;

/**
 * A mod_cluster load metric that reports this node unavailable (load -1: the balancer sends it no new clients and moves
 * its sticky ones) while Chorus's MBean {@value #NAME} says {@code Available} is false, as on the minority of a split;
 * otherwise it adds no load, and the other metrics balance as before.
 */
public class AvailabilityLoadMetric implements LoadMetric {

    /** The MBean the Chorus deployment registers on the platform MBean server. */
    public static final String NAME = "org.chorus:type=Availability";

    private final MBeanServer server;
    private final ObjectName name;
    private volatile int weight = DEFAULT_WEIGHT;
    private volatile double capacity = DEFAULT_CAPACITY;

    /** As mod_cluster makes it: the platform MBean server. */
    public AvailabilityLoadMetric() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    AvailabilityLoadMetric(MBeanServer server) {
        this.server = server;
        try {
            this.name = new ObjectName(NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * No load, or {@link NodeUnavailableException} while the deployment says this node is unavailable. Without the
     * MBean (Chorus not deployed yet) there is nothing to say: mod_cluster registers no context for it anyway.
     */
    @Override
    public double getLoad(Engine engine) throws Exception {
        try {
            if (Boolean.FALSE.equals(server.getAttribute(name, "Available"))) {
                throw new NodeUnavailableException();
            }
        } catch (InstanceNotFoundException e) {
            // Not deployed (yet, or any more).
        }
        return 0;
    }

    @Override
    public int getWeight() {
        return weight;
    }

    @Override
    public void setWeight(int weight) {
        this.weight = weight;
    }

    @Override
    public double getCapacity() {
        return capacity;
    }

    @Override
    public void setCapacity(double capacity) {
        this.capacity = capacity;
    }
}
