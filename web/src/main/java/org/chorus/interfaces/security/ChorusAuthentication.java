package org.chorus.interfaces.security;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chorus.interfaces.metrics.Metrics;

/**
 * The WAR's authentication mechanism: a {@link VerifiedLogin} from the login resource becomes the container's identity,
 * which the container keeps in the (replicated) HTTP session and applies to every later request of it, on any node; a
 * protected resource without one answers 401 (the admin pages send the browser to the login page instead).
 * <p>
 * On another node after a failover the identity is re-created from the session with its roles and without asking the
 * realm (the security domain {@code chorus} has {@code integrated-jaspi=false}): a programmatic login's re-creation was
 * counted as a failed authentication there, and ten of them locked the user out of the node.
 */
@ApplicationScoped
@AutoApplySession
public class ChorusAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (context.getAuthParameters().getCredential() instanceof VerifiedLogin login) {
            return context.notifyContainerAboutLogin(login.user(), login.roles());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return context.redirect(request.getContextPath() + "/");
        }
        return notLoggedIn(path, response);
    }

    /** 401 with the API's error body (a WebSocket upgrade without a login is counted as refused, too). */
    private static AuthenticationStatus notLoggedIn(String path, HttpServletResponse response) {
        if (path.equals("/chat")) {
            Metrics.refused("unauthenticated");
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        try {
            response.getWriter().write(JSON.createObjectBuilder().add("error", "not logged in").build().toString());
        } catch (IOException e) {
            // the status alone says it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
