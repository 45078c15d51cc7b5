package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chorus.interfaces.LoginSessions;

/**
 * Refuses the WebSocket upgrade with 401 unless the request carries the session of a logged-in user, and hands that
 * identity to the connection as its {@link ChatPrincipal}.
 * <p>
 * The principal travels on the request itself (the container copies the handshake request's principal into the
 * WebSocket session), not through the endpoint configuration's user properties, which Undertow shares between
 * concurrent handshakes.
 */
@WebFilter(urlPatterns = ChatEndpoint.PATH, asyncSupported = true)
public class HandshakeGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String user = LoginSessions.user(session);
        if (user == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "log in first: POST /chorus/api/session");
            return;
        }
        ChatPrincipal principal = new ChatPrincipal(user, session.getId(), request.getParameter("resume"),
                SessionTouch.of(request, session));
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, response);
    }
}
