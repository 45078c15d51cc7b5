package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chorus.interfaces.metrics.Metrics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses the WebSocket upgrade with 503 while this node is on the minority side of a split, with 403 from a foreign
 * origin (cross-site WebSocket hijacking; Undertow's default accepts every origin), and hands the logged-in user (the
 * container refused the upgrade with 401 without one, web.xml) to the connection as its {@link ChatPrincipal}, with the
 * HTTP session it belongs to.
 * <p>
 * Allowed origins: the request's own ({@code scheme://Host}) and those listed in {@code chorus.allowed-origins}
 * (comma-separated, e.g. {@code https://chat.example.com}); a request without {@code Origin} (not a browser) passes.
 * <p>
 * The principal travels on the request itself (the container copies the handshake request's principal into the
 * WebSocket session), not through the endpoint configuration's user properties, which Undertow shares between
 * concurrent handshakes.
 */
@WebFilter(urlPatterns = ChatEndpoint.PATH, asyncSupported = true)
public class HandshakeGuard extends HttpFilter {

    @Inject
    LocalSessions sessions;

    @Inject
    @ConfigProperty(name = "chorus.allowed-origins")
    Optional<List<String>> allowedOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (sessions.apart()) {
            // Its caches refuse reads and writes until the split heals: the client goes to the balancer, which takes
            // this node out of rotation within 2 s (its load metric), and resumes on the majority.
            Metrics.refused("partition");
            response.setHeader("Retry-After", "1");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "this node is cut off from most of its cluster: reconnect through the balancer");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !allowed(origin, request)) {
            Metrics.refused("origin");
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "origin not allowed: " + origin);
            return;
        }
        // Only a logged-in user with role chat gets here (web.xml); the container keeps the identity for the session.
        HttpSession session = request.getSession(false);
        String user = request.getUserPrincipal().getName();
        ChatPrincipal principal = new ChatPrincipal(user, session.getId(), SessionTouch.of(request, session));
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, response);
    }

    private boolean allowed(String origin, HttpServletRequest request) {
        String own = request.getScheme() + "://" + request.getHeader("Host");
        return origin.equalsIgnoreCase(own) || allowedOrigins.map(list -> list.stream().anyMatch(o -> o.trim()
                .equalsIgnoreCase(origin))).orElse(false);
    }
}
