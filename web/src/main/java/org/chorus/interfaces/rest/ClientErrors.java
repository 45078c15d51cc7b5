package org.chorus.interfaces.rest;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the API's client errors that JAX-RS raises itself (415, 404, 405 ...) in the API's JSON shape.
 */
@Provider
public class ClientErrors implements ExceptionMapper<ClientErrorException> {

    @Override
    public Response toResponse(ClientErrorException e) {
        String message = e instanceof NotSupportedException
                ? "send the body as Content-Type: application/json"
                : e.getMessage();
        // The original answer's headers stay (Allow on a 405, WWW-Authenticate on a 401); only the body is ours.
        return Response.fromResponse(e.getResponse()).entity(JSON.createObjectBuilder().add("error", message == null
                ? "client error"
                : message).build().toString()).type(MediaType.APPLICATION_JSON).build();
    }
}
