package org.chorus.interfaces.rest;

import static org.chorus.interfaces.rest.Problems.problem;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
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
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (e instanceof NotSupportedException) {
            return problem(status, "send the body as Content-Type: application/json");
        }
        return problem(status == null ? Response.Status.BAD_REQUEST : status, e.getMessage());
    }
}
