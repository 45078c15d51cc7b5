package org.chorus.interfaces.websocket;

import java.security.Principal;

import jakarta.websocket.Session;

/**
 * The identity of one chat connection: the logged-in user, the HTTP session the handshake carried, the resume token it
 * asked to continue ({@code ?resume=}, or null), and how to keep that session alive (null: it never times out).
 */
public record ChatPrincipal(String user, String httpSession, String resume, SessionTouch touch) implements Principal {

    @Override
    public String getName() {
        return user;
    }

    /** The user of a connection, or null for one that has no principal. */
    static String userOf(Session session) {
        return session.getUserPrincipal() == null ? null : session.getUserPrincipal().getName();
    }
}
