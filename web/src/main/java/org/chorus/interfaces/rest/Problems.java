package org.chorus.interfaces.rest;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The API's error answers: a status and {@code {"error":"..."}}.
 */
public final class Problems {

    private Problems() {
    }

    public static Response problem(Status status, String message) {
        String json = JSON.createObjectBuilder().add("error", message).build().toString();
        return Response.status(status).entity(json).type(MediaType.APPLICATION_JSON).build();
    }
}
