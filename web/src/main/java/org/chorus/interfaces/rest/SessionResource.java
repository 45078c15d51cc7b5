package org.chorus.interfaces.rest;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;
import java.security.Principal;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.ServletException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import static org.chorus.interfaces.rest.Problems.problem;

import org.chorus.infrastructure.store.LocalNode;
import org.chorus.interfaces.security.Passwords;
import org.chorus.interfaces.security.VerifiedLogin;
import org.jboss.logging.Logger;

/**
 * Logs users in and out against the server's application realm: {@code /chorus/api/session}. The identity stays in the
 * container for the HTTP session ({@code ChorusAuthentication}).
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);

    /** The role an account needs to log in to the chat (the demo users have it; application credentials do not). */
    static final String CHAT_ROLE = "chat";

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    Passwords passwords;

    @Inject
    SecurityContext security;

    /**
     * Only {@code application/json}: a cross-site form or a no-CORS fetch cannot send it, so another page cannot log a
     * user in or out with it. The password is checked first; a failed attempt leaves the caller's existing session (and
     * its sockets) alone. A login always gets a new HTTP session: the caller's previous one ends, and with it its
     * sockets on every node.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body) throws ServletException {
        JsonObject credentials = credentials(body);
        if (credentials == null) {
            return problem(Status.BAD_REQUEST, "body must be {\"user\":\"...\",\"password\":\"...\"}");
        }
        String user = credentials.getString("user");
        Optional<VerifiedLogin> login = passwords.check(user, credentials.getString("password"));
        if (login.isEmpty()) {
            return problem(Status.UNAUTHORIZED, "wrong user or password");
        }
        if (!login.get().roles().contains(CHAT_ROLE)) {
            // An account without role chat, such as the inbound queue's application credential, may not chat.
            return problem(Status.FORBIDDEN, "user " + user + " may not chat (no role " + CHAT_ROLE + ")");
        }
        if (request.getUserPrincipal() != null) {
            request.logout(); // a fresh client has nothing to log out of, and the call is not free
        }
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate(); // SessionEnds closes its sockets wherever they are
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(login.get()).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            LOG.warnf("The container did not take the login of %s: %s", user, status);
            return problem(Status.INTERNAL_SERVER_ERROR, "login not completed");
        }
        return Response.ok(whoami(login.get().user())).build();
    }

    @GET
    public Response current() {
        Principal user = request.getUserPrincipal();
        return user == null
                ? problem(Status.UNAUTHORIZED, "not logged in")
                : Response.ok(whoami(user.getName())).build();
    }

    @DELETE
    public Response logout() throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        return Response.noContent().build();
    }

    private static JsonObject credentials(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject o = reader.readObject();
            boolean valid = o.get("user") instanceof JsonString u && !u.getString().isEmpty()
                    && o.get("password") instanceof JsonString;
            return valid ? o : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String whoami(String user) {
        return JSON.createObjectBuilder().add("user", user).add("node", LocalNode.name()).build().toString();
    }
}
