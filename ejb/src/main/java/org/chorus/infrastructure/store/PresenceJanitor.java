package org.chorus.infrastructure.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.chorus.domain.Presence;
import org.chorus.infrastructure.messaging.ChatTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;
import org.jboss.logging.Logger;

/**
 * Removes the presence of a node that left the cluster view (a crash included) and announces who went offline; the
 * cluster's coordinator does it, {@code chorus.presence.grace-ms} after each view change, and at start-up for views it
 * did not see. A node that left keeps its connections for the whole grace after its own departure ({@link Departures}).
 */
@Singleton
@Startup
public class PresenceJanitor {

    private static final Logger LOG = Logger.getLogger(PresenceJanitor.class);

    /** The listener Infinispan calls: a plain object, since the container may subclass the bean itself. */
    @Listener
    public final class ViewListener {

        @ViewChanged
        public void viewChanged(ViewChangedEvent event) {
            LOG.infof("Cluster view of the chorus cache container: %s", event.getNewMembers());
            clusterEvents.viewChanged(event.getOldMembers(), event.getNewMembers());
            departures.viewChanged(names(event.getOldMembers()), names(event.getNewMembers()), System
                    .nanoTime());
            // After the presence grace (a user who resumes elsewhere meanwhile stays online), with the view of
            // that moment, and not on the JGroups thread that reports the view.
            scheduler.schedule(() -> sweep(container.getMembers()), graceMs, TimeUnit.MILLISECONDS);
        }
    }

    private final ViewListener listener = new ViewListener();
    private final Departures departures = new Departures();

    @Resource(lookup = "java:jboss/infinispan/container/chorus")
    EmbeddedCacheManager container;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "chorus.presence.grace-ms", defaultValue = "5000")
    long graceMs;

    @Inject
    PresenceRegistry registry;

    @Inject
    ClusterEvents clusterEvents;

    @Inject
    ChatCaches caches;

    @Inject
    ChatTopic topic;

    @PostConstruct
    void start() {
        container.addListener(listener);
        scheduler.execute(() -> sweep(container.getMembers()));
    }

    @PreDestroy
    void stop() {
        container.removeListener(listener);
    }

    private void sweep(List<Address> members) {
        // Submitted from a JGroups thread, the task carries no deployment context; without the deployment's class
        // loader the caches hand out their keys still marshalled.
        Thread thread = Thread.currentThread();
        ClassLoader prior = thread.getContextClassLoader();
        thread.setContextClassLoader(PresenceJanitor.class.getClassLoader());
        try {
            sweepAs(members);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Removing the presence of nodes that left %s failed", members);
        } finally {
            thread.setContextClassLoader(prior);
        }
    }

    private void sweepAs(List<Address> members) {
        if (!container.isCoordinator() || !caches.available()) {
            // Only the coordinator of a side that may write: a minority would announce the majority's users offline
            // (the topic's bridges deliver it after the split heals), and the merge restores their entries anyway.
            return;
        }
        // In the scheduler's clock, so that the sweep of a departure, scheduled the grace after it, finds it past.
        Set<String> live = departures.kept(names(members), System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(graceMs));
        if (!live.contains(LocalNode.name())) {
            // Connections are registered under jboss.node.name; a view in other terms would wipe everyone.
            LOG.warnf("Cluster view %s does not name this node %s: presence not swept", live, LocalNode.name());
            return;
        }
        List<Presence> offline = registry.dropNodesOtherThan(live);
        if (!offline.isEmpty()) {
            LOG.infof("Cluster view %s: %d users went offline with the nodes that left", live, offline.size());
        }
        offline.forEach(topic::publish);
    }

    private static Set<String> names(List<Address> members) {
        return members.stream().map(Address::toString).collect(Collectors.toSet());
    }
}
