package org.chorus.it;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The EAR exactly as built, deployed on node-1 only: the set-up of tests about one server's answers.
 */
public abstract class OneNode {

    @ArquillianResource
    @OperateOnDeployment(Cluster.DEPLOYMENT_1)
    URL node1Url;

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus();
    }

    protected URI base() throws Exception {
        return Cluster.base(node1Url);
    }
}
