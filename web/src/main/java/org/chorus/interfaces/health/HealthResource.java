package org.chorus.interfaces.health;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health JSON on each server's own HTTP port, {@code /chorus/api/health/ready} and {@code .../live}
 * (servers of a managed domain have no management HTTP interface for WildFly's {@code /health}): 200 when every check
 * is up, 503 otherwise.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @GET
    @Path("ready")
    public Response ready() {
        return report(readiness);
    }

    @GET
    @Path("live")
    public Response live() {
        return report(liveness);
    }

    private static Response report(Instance<HealthCheck> checks) {
        boolean up = true;
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r = call(check);
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder data = JSON.createObjectBuilder();
            r.getData().ifPresent(d -> d.forEach((k, v) -> data.add(k, String.valueOf(v))));
            results.add(JSON.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name()).add(
                    "data", data));
        }
        String body = JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build()
                .toString();
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    /** A check that throws is down, with the reason. */
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return new HealthCheckResponse(check.getClass().getSimpleName(), HealthCheckResponse.Status.DOWN,
                    java.util.Optional.of(java.util.Map.of("error", String.valueOf(e))));
        }
    }
}
