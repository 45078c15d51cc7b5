package org.chorus.interfaces.health;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.interfaces.Operators;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * MicroProfile Health JSON on each server's own HTTP port, {@code /chorus/api/health/ready} and {@code .../live}
 * (servers of a managed domain have no management HTTP interface for WildFly's {@code /health}): 200 when every check
 * is up, 503 otherwise. Readiness is read from {@link ReadinessCache}; liveness checks are cheap and run per request.
 * Anyone sees the overall status; the checks with their data (cluster members, the coordinator, errors) only an
 * operator: from the node's own host, or logged in as {@code admin}.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ReadinessCache readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Context
    HttpServletRequest request;

    @GET
    @Path("ready")
    public Response ready() {
        return report(readiness.results());
    }

    @GET
    @Path("live")
    public Response live() {
        return report(liveness.stream().map(ReadinessCache::call).toList());
    }

    private Response report(List<HealthCheckResponse> results) {
        boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
        JsonObjectBuilder body = JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN");
        if (Operators.mayInspect(request)) {
            JsonArrayBuilder checks = JSON.createArrayBuilder();
            for (HealthCheckResponse r : results) {
                JsonObjectBuilder data = JSON.createObjectBuilder();
                r.getData().ifPresent(d -> d.forEach((k, v) -> data.add(k, String.valueOf(v))));
                checks.add(JSON.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name())
                        .add("data", data));
            }
            body.add("checks", checks);
        }
        return Response.status(up ? 200 : 503).entity(body.build().toString()).build();
    }
}
