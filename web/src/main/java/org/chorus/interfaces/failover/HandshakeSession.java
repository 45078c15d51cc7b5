package org.chorus.interfaces.failover;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Hands a WebSocket connection the id of the HTTP session its handshake carried, as the request parameter
 * {@value #PARAMETER} (what {@code Session.getRequestParameterMap()} shows), so that a connection resumes only in the
 * HTTP session it was opened in. Set by the server alone: a client's own value is dropped, and a handshake without an
 * HTTP session has none.
 * <p>
 * Not through {@code ServerEndpointConfig.getUserProperties()} in {@code modifyHandshake}, which would need a
 * configurator on every endpoint; the container's WebSocket filter runs after the application's filters and reads the
 * parameters of the request they pass on. Other requests pass untouched.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HandshakeSession extends HttpFilter {

    /** The request parameter with the HTTP session's id. */
    public static final String PARAMETER = "chorus.http-session";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Any Upgrade header, not only "websocket": the container's filter upgrades on the handshake's other headers.
        if (request.getHeader("Upgrade") == null) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.remove(PARAMETER);
        HttpSession session = request.getSession(false);
        if (session != null) {
            parameters.put(PARAMETER, new String[]{session.getId()});
        }
        Map<String, String[]> fixed = Collections.unmodifiableMap(parameters);
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public Map<String, String[]> getParameterMap() {
                return fixed;
            }

            @Override
            public String getParameter(String name) {
                String[] values = fixed.get(name);
                return values == null ? null : values[0];
            }

            @Override
            public String[] getParameterValues(String name) {
                return fixed.get(name);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(fixed.keySet());
            }
        }, response);
    }
}
