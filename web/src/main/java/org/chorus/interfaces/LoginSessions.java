package org.chorus.interfaces;

import jakarta.servlet.http.HttpSession;

/**
 * Where a logged-in user is recorded in the (replicated) HTTP session, shared by the HTTP API and the handshake.
 */
public final class LoginSessions {

    /** Session attribute holding the logged-in user's name. */
    public static final String USER = "chorus.user";
    /** Session attribute present (true) when the logged-in user has the role {@code admin}. */
    public static final String ADMIN = "chorus.admin";

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

    /** Whether the session's user logged in with the role {@code admin}. */
    public static boolean isAdmin(HttpSession session) {
        if (session == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(session.getAttribute(ADMIN));
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
