package org.chorus.interfaces.websocket;

import java.security.Principal;

import jakarta.websocket.Session;

/**
 * The identity of one chat connection: the logged-in user, the HTTP session the handshake carried, and how to keep that
 * session alive (null: it never times out). The token it asks to resume ({@code ?resume=}) is read by the failover
 * interceptor.
 */
public record ChatPrincipal(String user, String httpSession, SessionTouch touch) implements Principal {

    @Override
    public String getName() {
        return user;
    }

    /** The user of a connection, or null for one that has no principal. */
    static String userOf(Session session) {
        return session.getUserPrincipal() == null ? null : session.getUserPrincipal().getName();
    }
}
