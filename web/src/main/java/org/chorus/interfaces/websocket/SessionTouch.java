package org.chorus.interfaces.websocket;

import java.net.URI;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * How to keep one HTTP session alive from this node: a request to {@code api/session} on the listener the handshake
 * came through, with the session's cookie, every third of its timeout.
 */
public record SessionTouch(URI uri, String cookie, long everyMs) {

    /** The touch for the session of a handshake, or null when that session never times out. */
    public static SessionTouch of(HttpServletRequest handshake, HttpSession session) {
        int timeoutSeconds = session.getMaxInactiveInterval();
        if (timeoutSeconds <= 0) {
            return null;
        }
        String host = handshake.getLocalAddr();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        URI uri = URI.create(handshake.getScheme() + "://" + host + ":" + handshake.getLocalPort() + handshake
                .getContextPath() + "/api/session");
        SessionCookieConfig cookies = handshake.getServletContext().getSessionCookieConfig();
        String name = cookies.getName() == null ? "JSESSIONID" : cookies.getName();
        return new SessionTouch(uri, name + "=" + session.getId(), Math.max(1000L, timeoutSeconds * 1000L / 3));
    }
}
