package org.chorus.interfaces;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may see a node's inner figures (metrics, the details of its health): a scraper or operator on the node's own host
 * (a loopback request that no proxy forwarded) or a user logged in with role {@code admin}.
 */
public final class Operators {

    private Operators() {
    }

    public static boolean mayInspect(HttpServletRequest request) {
        return fromThisHost(request) || request.isUserInRole("admin");
    }

    private static boolean fromThisHost(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return loopback(request.getRemoteAddr()) && (forwarded == null || Arrays.stream(forwarded.split(","))
                .allMatch(a -> loopback(a.trim())));
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
