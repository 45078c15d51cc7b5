package org.chorus.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.application.UserProperties;
import org.chorus.interfaces.failover.PropertyFilter;

/**
 * For endpoint code: the user properties of a chat connection kept in the cluster, each write through before it
 * returns.
 *
 * @deprecated {@code Session.getUserProperties()} of a chat connection fails over itself now
 *             ({@link org.chorus.interfaces.failover.ReplicatedUserProperties}); this view shares its stored values.
 */
@Deprecated
@ApplicationScoped
public class ConnectionProperties {

    @Inject
    Connections connections;

    @Inject
    PropertyFilter filter;

    /** The cluster-wide properties of an open chat connection, read through {@code chorus.user-properties.filter}. */
    public UserProperties of(Session session) {
        return connections.properties(LocalSessions.token(session), filter.get());
    }
}
