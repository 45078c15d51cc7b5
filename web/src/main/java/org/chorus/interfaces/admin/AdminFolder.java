package org.chorus.interfaces.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /chorus/admin} is the cluster page's folder: the browser goes on to {@code /chorus/admin/} (who may see it is
 * declared in web.xml, for role {@code admin}).
 */
@WebFilter(urlPatterns = "/admin")
public class AdminFolder extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.sendRedirect(request.getContextPath() + "/admin/");
    }
}
