package org.chorus.it;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.interfaces.failover.ReplicatedUserProperties;

/**
 * Test-only: user properties from inside the server. {@code GET test/properties?token=T&key=K} answers the value the
 * cluster holds under K for the connection with token T. {@code ?n=N} times N calls of an intercepted handler
 * ({@link ProbeHandler}, a stand-in session) that change nothing, N that change one 100-character value and N of the
 * same work without interception, interleaved, and answers the p50 and p99 of each in nanoseconds and the stand-in's
 * token (its last value is then in the cluster). {@value #WARM_UP} unmeasured calls that change nothing come first.
 */
@WebServlet("/test/properties")
public class PropertiesProbe extends HttpServlet {

    /** Calls that change nothing, before the measured ones: cheap (no cache operation), and enough for the JIT. */
    private static final int WARM_UP = 50_000;

    @Inject
    Connections connections;

    @Inject
    ProbeHandler handler;

    @Override
    @SuppressWarnings("deprecation") // the write-through view still reads what the cluster holds
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        String key = request.getParameter("key");
        if (key != null) {
            Object value = connections.properties(request.getParameter("token")).get(key);
            response.getWriter().print(Json.createObjectBuilder().add("value", String.valueOf(value)).build());
            return;
        }
        int n = Integer.parseInt(request.getParameter("n"));
        Session session = standIn();
        Consumer<Map<String, Object>> nothing = properties -> properties.get("probe");
        handler.handle(session, nothing); // the first call opens the stand-in's state
        for (int i = 0; i < WARM_UP; i++) { // the JIT compiles what a chat server runs all day
            nothing.accept(session.getUserProperties());
            handler.handle(session, nothing);
        }
        long[] bare = new long[n];
        long[] unchanged = new long[n];
        long[] changed = new long[n];
        for (int i = 0; i < n; i++) {
            String value = String.format("%-100s", "value-" + (i + 1));
            Consumer<Map<String, Object>> one = properties -> properties.put("probe", value);
            long start = System.nanoTime();
            nothing.accept(session.getUserProperties());
            bare[i] = System.nanoTime() - start;
            start = System.nanoTime();
            handler.handle(session, nothing);
            unchanged[i] = System.nanoTime() - start;
            start = System.nanoTime();
            handler.handle(session, one);
            changed[i] = System.nanoTime() - start;
        }
        response.getWriter().print(Json.createObjectBuilder().add("token", (String) session.getUserProperties().get(
                ReplicatedUserProperties.TOKEN)).add("bare", percentiles(bare)).add("unchanged", percentiles(
                        unchanged))
                .add("changed", percentiles(changed)).build());
    }

    private static JsonObjectBuilder percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return Json.createObjectBuilder().add("p50", sorted[(sorted.length - 1) / 2]).add("p99", sorted[(int) Math
                .ceil(sorted.length * 0.99) - 1]);
    }

    /** A connection without a login or an HTTP session, as far as a handler and the interceptor look at one. */
    private static Session standIn() {
        Map<String, Object> properties = Collections.synchronizedMap(new HashMap<>());
        return (Session) Proxy.newProxyInstance(PropertiesProbe.class.getClassLoader(), new Class<?>[]{
                Session.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> properties;
                    case "getRequestParameterMap" -> Map.of();
                    case "getId" -> "probe";
                    case "getUserPrincipal" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
