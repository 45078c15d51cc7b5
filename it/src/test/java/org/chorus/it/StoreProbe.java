package org.chorus.it;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chorus.domain.ChatMessage;
import org.chorus.infrastructure.store.ChatCaches;
import org.chorus.infrastructure.store.ConnectionStates;
import org.chorus.infrastructure.store.MessageLog;

/**
 * Test-only: what the cluster's caches hold, read from inside a server. {@code GET test/store?room=R&to=N} answers the
 * seqs from 1 to N that have an entry in the history cache; {@code ?token=T} whether a connection state is kept under
 * the resume token T. {@code POST test/store?room=R&seq=N} overwrites the stored message N of room R with a value that
 * is no message, a string that is not message JSON either (its key as MessageLog writes it, {@code room#seq}): a
 * damaged store, for the server's own failure path.
 */
@WebServlet("/test/store")
public class StoreProbe extends HttpServlet {

    @Inject
    MessageLog log;

    @Inject
    ChatCaches caches;

    @Inject
    ConnectionStates states;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        String token = request.getParameter("token");
        if (token != null) {
            response.getWriter().print(Json.createObjectBuilder().add("state", states.find(token).isPresent())
                    .build());
            return;
        }
        String room = request.getParameter("room");
        JsonArrayBuilder present = Json.createArrayBuilder();
        for (ChatMessage stored : log.range(room, 1, Long.parseLong(request.getParameter("to")))) {
            present.add(stored.seq());
        }
        response.getWriter().print(Json.createObjectBuilder().add("present", present).build());
    }

    /** Through the cache's {@code Map} face, reached by reflection: the web module does not see Infinispan's API. */
    @Override
    @SuppressWarnings("unchecked")
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Map<String, Object> history = (Map<String, Object>) ChatCaches.class.getMethod("history").invoke(caches);
            history.put(request.getParameter("room") + "#" + request.getParameter("seq"), "{damaged");
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot reach the history cache", e);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
