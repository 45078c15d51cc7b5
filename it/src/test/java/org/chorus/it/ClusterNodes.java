package org.chorus.it;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;

/**
 * The base URLs of the two deployments and the login step every two-node test uses; subclasses say what is deployed.
 */
public abstract class ClusterNodes {

    @ArquillianResource
    @OperateOnDeployment(Cluster.DEPLOYMENT_1)
    URL node1Url;

    @ArquillianResource
    @OperateOnDeployment(Cluster.DEPLOYMENT_2)
    URL node2Url;

    protected URI node1() throws Exception {
        return Cluster.base(node1Url);
    }

    protected URI node2() throws Exception {
        return Cluster.base(node2Url);
    }

    /** Logs a demo user in on a node. */
    protected static ChatClient login(URI node, String user) throws Exception {
        return ChatClient.login(node, user, Credentials.testServers().of(user));
    }
}
