package org.chorus.modcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.jboss.modcluster.load.metric.NodeUnavailableException;
import org.junit.jupiter.api.Test;

/** The metric follows the deployment's MBean: unavailable while it says so, no load otherwise or without it. */
class AvailabilityLoadMetricTest {

    /** The view the deployment registers: one boolean attribute. */
    public interface AvailabilityMXBean {

        boolean isAvailable();
    }

    /** An MBean server of the test's own (not the platform's; newMBeanServer keeps no reference to it). */
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final AvailabilityLoadMetric metric = new AvailabilityLoadMetric(server);
    private final AtomicBoolean available = new AtomicBoolean(true);

    private void register() throws Exception {
        AvailabilityMXBean view = available::get;
        server.registerMBean(new StandardMBean(view, AvailabilityMXBean.class, true), new ObjectName(
                AvailabilityLoadMetric.NAME));
    }

    @Test
    void withoutTheDeploymentNoLoad() throws Exception {
        assertEquals(0, metric.getLoad(null));
    }

    @Test
    void anAvailableNodeAddsNoLoad() throws Exception {
        register();
        assertEquals(0, metric.getLoad(null));
    }

    @Test
    void anUnavailableNodeIsReportedUnavailableUntilItIsAvailableAgain() throws Exception {
        register();
        available.set(false);
        assertThrows(NodeUnavailableException.class, () -> metric.getLoad(null));
        available.set(true);
        assertEquals(0, metric.getLoad(null));
    }
}
