package org.chorus.it;

import java.io.IOException;
import java.security.Principal;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test-only: who the container says a request is. {@code GET test/identity} answers {@code {"user":NAME or
 * null,"chat":BOOLEAN,"admin":BOOLEAN}} from {@code getUserPrincipal()} and {@code isUserInRole(...)}, the standard
 * servlet API a page of the application would use.
 */
@WebServlet("/test/identity")
public class IdentityProbe extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal user = request.getUserPrincipal();
        var answer = Json.createObjectBuilder();
        if (user == null) {
            answer.addNull("user");
        } else {
            answer.add("user", user.getName());
        }
        answer.add("chat", request.isUserInRole("chat")).add("admin", request.isUserInRole("admin"));
        response.setContentType("application/json");
        response.getWriter().print(answer.build());
    }
}
