package org.chorus.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The EAR with the test-only {@link ShortSessions} (3 s session timeout), deployed on node-1 and node-2.
 */
public abstract class InstrumentedNodes extends ClusterNodes {

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(ShortSessions.class);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(ShortSessions.class);
    }
}
