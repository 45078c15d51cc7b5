package org.chorus.interfaces.rest;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
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

import org.chorus.application.ChatService;
import org.chorus.infrastructure.store.LocalNode;
import org.chorus.interfaces.LoginSessions;
import org.jboss.logging.Logger;

/**
 * Logs users in and out against the server's application realm: {@code /chorus/api/session}.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);

    /** The role an account needs to log in to the chat (the demo users have it; application credentials do not). */
    static final String CHAT_ROLE = "chat";

    @Context
    HttpServletRequest request;

    @Inject
    ChatService chat;

    /**
     * Only {@code application/json}: a cross-site form or a no-CORS fetch cannot send it, so another page cannot log a
     * user in or out with it. A failed attempt leaves the caller's existing session (and its sockets) alone.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body) throws ServletException {
        JsonObject credentials = credentials(body);
        if (credentials == null) {
            return problem(Status.BAD_REQUEST, "body must be {\"user\":\"...\",\"password\":\"...\"}");
        }
        String user = credentials.getString("user");
        HttpSession previous = request.getSession(false);
        String previousId = previous == null ? null : previous.getId();
        try {
            request.login(user, credentials.getString("password"));
        } catch (ServletException e) {
            LOG.debugf("Login refused for %s: %s", user, e.getMessage());
            return problem(Status.UNAUTHORIZED, "wrong user or password");
        }
        if (!request.isUserInRole(CHAT_ROLE)) {
            // An account without role chat, such as the inbound queue's application credential, may not chat.
            request.logout();
            endIfRenamed(previousId, false);
            return problem(Status.FORBIDDEN, "user " + user + " may not chat (no role " + CHAT_ROLE + ")");
        }
        endIfRenamed(previousId, true); // a new login always gets a new session id, and the old one's sockets close
        HttpSession session = request.getSession(true);
        session.setAttribute(LoginSessions.USER, user);
        if (request.isUserInRole("admin")) {
            session.setAttribute(LoginSessions.ADMIN, Boolean.TRUE);
        }
        // Chorus keeps the login in its own session attributes; the container's identity is not kept in the session.
        // Kept, it is re-created on the other node after a failover, and Elytron counts each re-creation as a failed
        // authentication of the user there: ten failovers lock the user out of that node (brute-force protection).
        request.logout();
        return Response.ok(whoami(user)).build();
    }

    /**
     * Ends the caller's session after an authentication: always when {@code replace}, otherwise only when the container
     * gave it a new id on the login (its sockets, registered under the old id, could then outlive a logout). The end of
     * the session under its old id is announced too, so its sockets close wherever they are.
     */
    private void endIfRenamed(String previousId, boolean replace) {
        if (previousId == null) {
            return; // no session before this login; one the container made during it is the caller's from now on
        }
        HttpSession current = request.getSession(false);
        String currentId = current == null ? null : current.getId();
        boolean renamed = previousId != null && !previousId.equals(currentId);
        if (current != null && (replace || renamed)) {
            current.invalidate();
        }
        if (renamed) {
            chat.sessionEnded(previousId);
        }
    }

    @GET
    public Response current() {
        String user = LoginSessions.user(request.getSession(false));
        return user == null ? problem(Status.UNAUTHORIZED, "not logged in") : Response.ok(whoami(user)).build();
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
