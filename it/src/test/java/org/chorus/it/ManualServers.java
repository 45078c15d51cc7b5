package org.chorus.it;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.chorus.infrastructure.serialization.ValueFilters;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The base of the tests that run the two test servers by hand (the manual-mode execution): started, deployed, and at
 * the end left as they were found, with nothing deployed (a deployment is kept in the server's configuration, so one
 * left behind would be there at the next test's start) and stopped, also after a kill.
 */
abstract class ManualServers {

    /** Chorus on the manual-mode servers (their port offsets are in {@code arquillian.xml}). */
    static final URI NODE_1 = URI.create("http://127.0.0.1:8380/chorus/");
    static final URI NODE_2 = URI.create("http://127.0.0.1:8480/chorus/");

    /**
     * What the deployment adds to Chorus, for {@link UserPropertiesFailoverIT}: the example endpoint of user properties
     * that fail over ({@link CounterEndpoint}), and a filter that restores its {@link Note} values besides Java's value
     * types.
     */
    static final Map<String, String> COUNTER = Map.of("chorus.user-properties.filter", ValueFilters.DEFAULT.replace(
            "!*", "org.chorus.it.*;!*"));

    @ArquillianResource
    ContainerController servers;

    @ArquillianResource
    Deployer deployer;

    private final Set<String> deployed = new LinkedHashSet<>();

    @Deployment(name = Cluster.DEPLOYMENT_1, managed = false, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(COUNTER, CounterEndpoint.class, Note.class);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, managed = false, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(COUNTER, CounterEndpoint.class, Note.class);
    }

    /** Starts both servers and deploys Chorus on each. */
    void up() {
        servers.start(Cluster.NODE_1);
        servers.start(Cluster.NODE_2);
        deploy(Cluster.DEPLOYMENT_1);
        deploy(Cluster.DEPLOYMENT_2);
    }

    void deploy(String deployment) {
        deployer.deploy(deployment);
        deployed.add(deployment);
    }

    /**
     * What {@code attempt} returns once it does not throw {@link java.util.concurrent.ExecutionException} or
     * {@link java.io.IOException} (a server not there yet), tried every 100 ms as a client would, until {@code limit}.
     */
    static <T> T retrying(Callable<T> attempt, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return attempt.call();
            } catch (java.util.concurrent.ExecutionException | java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    void undeploy(String deployment) {
        deployer.undeploy(deployment);
        deployed.remove(deployment);
    }

    /**
     * Removes what is still deployed and stops both servers; a server killed or stopped by the test is started again
     * first, to remove its deployment.
     */
    void clean(Set<String> killed) {
        for (String node : List.of(Cluster.NODE_2, Cluster.NODE_1)) {
            String deployment = node.equals(Cluster.NODE_1) ? Cluster.DEPLOYMENT_1 : Cluster.DEPLOYMENT_2;
            try {
                if (killed.contains(node)) {
                    servers.stop(node); // Arquillian forgets the dead JVM
                }
                if (deployed.contains(deployment) && !servers.isStarted(node)) {
                    servers.start(node); // killed or stopped by the test, with the deployment in its configuration
                }
                if (deployed.contains(deployment) && servers.isStarted(node)) {
                    undeploy(deployment);
                }
                if (servers.isStarted(node)) {
                    servers.stop(node);
                }
            } catch (RuntimeException e) {
                System.out.printf("Cleaning up %s: %s%n", node, e);
            }
        }
    }
}
