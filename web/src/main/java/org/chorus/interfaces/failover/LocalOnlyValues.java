package org.chorus.interfaces.failover;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * User property values that do not serialize, so stay on their node (as the JEUS container keeps them): each (endpoint
 * class, key) named in one warning, the first time, for at most {@link #MOST} of them.
 */
@ApplicationScoped
public class LocalOnlyValues {

    /** How many (endpoint, key) pairs are remembered: an application that makes up keys gets no more warnings. */
    static final int MOST = 10_000;

    private static final Logger LOG = Logger.getLogger(LocalOnlyValues.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** A value under {@code key} of a connection of {@code endpoint} stays on this node, for {@code reason}. */
    void found(Class<?> endpoint, String key, Object value, String reason) {
        if (warned.size() < MOST && warned.add(endpoint.getName() + '\u0000' + key)) {
            LOG.warnf("User property %s of %s holds a %s (%s): it stays on this node and is lost if the node fails;"
                    + " said once", key, endpoint.getName(), value.getClass().getName(), reason);
        }
    }
}
