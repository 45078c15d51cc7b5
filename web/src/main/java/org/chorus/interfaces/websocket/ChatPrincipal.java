package org.chorus.interfaces.websocket;

import java.security.Principal;

/**
 * The identity of one chat connection: the logged-in user and the HTTP session the handshake carried.
 */
public record ChatPrincipal(String user, String httpSession) implements Principal {

    @Override
    public String getName() {
        return user;
    }
}
