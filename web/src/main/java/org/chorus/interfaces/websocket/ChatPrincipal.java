package org.chorus.interfaces.websocket;

import java.security.Principal;

/**
 * The identity of one chat connection: the logged-in user, the HTTP session the handshake carried, and the resume token
 * it asked to continue ({@code ?resume=}, or null).
 */
public record ChatPrincipal(String user, String httpSession, String resume) implements Principal {

    @Override
    public String getName() {
        return user;
    }
}
