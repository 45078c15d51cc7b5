package org.chorus.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The base of the two-node tests that look inside the servers: Chorus with the test-only {@link StoreProbe} and
 * {@link PropertiesProbe} on each, and the example endpoint of user properties that fail over ({@link CounterEndpoint},
 * with the default filter, which does not restore its {@link Note} values).
 */
public abstract class ProbedNodes extends ClusterNodes {

    private static final Class<?>[] PROBES = {StoreProbe.class, PropertiesProbe.class, ProbeHandler.class,
            CounterEndpoint.class, Note.class};

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(PROBES);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(PROBES);
    }
}
