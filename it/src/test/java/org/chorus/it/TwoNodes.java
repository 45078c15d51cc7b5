package org.chorus.it;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The EAR deployed on node-1 and node-2, and their base URLs: the set-up of every two-node test.
 */
public abstract class TwoNodes {

    @ArquillianResource
    @OperateOnDeployment(Cluster.DEPLOYMENT_1)
    URL node1Url;

    @ArquillianResource
    @OperateOnDeployment(Cluster.DEPLOYMENT_2)
    URL node2Url;

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus();
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus();
    }

    protected URI node1() throws Exception {
        return Cluster.base(node1Url);
    }

    protected URI node2() throws Exception {
        return Cluster.base(node2Url);
    }

    /** Logs a demo user in on a node. */
    protected static ChatClient login(URI node, String user) throws Exception {
        return ChatClient.login(node, user, Cluster.PASSWORD);
    }
}
