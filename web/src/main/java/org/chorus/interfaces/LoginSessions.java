package org.chorus.interfaces;

import jakarta.servlet.http.HttpSession;

/**
 * Where a logged-in user is recorded in the (replicated) HTTP session, shared by the HTTP API and the handshake.
 */
public final class LoginSessions {

    /** Session attribute holding the logged-in user's name. */
    public static final String USER = "chorus.user";

    private LoginSessions() {
    }

    /** The user logged in with this session, or null when there is no session or no login. */
    public static String user(HttpSession session) {
        if (session == null) {
            return null;
        }
        try {
            return (String) session.getAttribute(USER);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
