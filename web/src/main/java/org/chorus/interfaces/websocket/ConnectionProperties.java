package org.chorus.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.application.UserProperties;

/**
 * For endpoint code: the user properties of a chat connection that follow it to another node when it resumes there
 * (what {@code Session.getUserProperties()} would be if it survived a crash).
 */
@ApplicationScoped
public class ConnectionProperties {

    @Inject
    Connections connections;

    /** The cluster-wide properties of an open chat connection. */
    public UserProperties of(Session session) {
        return connections.properties(LocalSessions.token(session));
    }
}
