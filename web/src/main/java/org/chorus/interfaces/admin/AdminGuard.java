package org.chorus.interfaces.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chorus.interfaces.LoginSessions;

/**
 * The admin page ({@code /chorus/admin}) is for role {@code admin}: others are sent to the login (not logged in) or
 * refused with 403.
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*"})
public class AdminGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (LoginSessions.user(request.getSession(false)) == null) {
            response.sendRedirect(request.getContextPath() + "/");
        } else if (!LoginSessions.isAdmin(request.getSession(false))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "the cluster page is for role admin");
        } else if (request.getRequestURI().equals(request.getContextPath() + "/admin")) {
            response.sendRedirect(request.getContextPath() + "/admin/");
        } else {
            chain.doFilter(request, response);
        }
    }
}
