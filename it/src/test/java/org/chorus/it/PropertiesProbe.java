package org.chorus.it;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chorus.application.Connections;
import org.chorus.application.UserProperties;

/**
 * Test-only: what endpoint code does with a connection's user properties, from inside the server.
 * {@code GET test/properties?token=T&key=K} answers the value under K; {@code ?token=T&n=N} puts and then gets a
 * 100-character value N times and answers the p50 and p99 of each, in microseconds.
 */
@WebServlet("/test/properties")
public class PropertiesProbe extends HttpServlet {

    @Inject
    Connections connections;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserProperties properties = connections.properties(request.getParameter("token"));
        response.setContentType("application/json");
        String key = request.getParameter("key");
        if (key != null) {
            Serializable value = properties.get(key);
            response.getWriter().print(Json.createObjectBuilder().add("value", String.valueOf(value)).build());
            return;
        }
        int n = Integer.parseInt(request.getParameter("n"));
        long[] puts = new long[n];
        long[] gets = new long[n];
        for (int i = 0; i < n; i++) {
            String value = String.format("%-100s", "value-" + (i + 1));
            long start = System.nanoTime();
            properties.put("probe", value);
            puts[i] = System.nanoTime() - start;
            start = System.nanoTime();
            properties.get("probe");
            gets[i] = System.nanoTime() - start;
        }
        response.getWriter().print(Json.createObjectBuilder().add("put", percentiles(puts)).add("get", percentiles(
                gets)).build());
    }

    private static jakarta.json.JsonObjectBuilder percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return Json.createObjectBuilder().add("p50", sorted[(sorted.length - 1) / 2] / 1000).add("p99",
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000);
    }
}
