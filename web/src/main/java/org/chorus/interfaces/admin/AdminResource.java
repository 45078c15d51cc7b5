package org.chorus.interfaces.admin;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.application.RoomService;
import org.chorus.infrastructure.store.ClusterEvents;

/**
 * The admin page's data, for role {@code admin} only (web.xml): {@code GET /chorus/api/admin/cluster} gives the servers
 * with their figures, the rooms with their latest seq and online users, and the recent cluster view changes.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    ClusterFigures figures;

    @Inject
    RoomService rooms;

    @Inject
    ClusterEvents events;

    @GET
    @Path("cluster")
    public Response cluster() {
        JsonArrayBuilder servers = JSON.createArrayBuilder();
        figures.nodes().forEach(n -> servers.add(JSON.createObjectBuilder().add("node", n.node()).add("connections", n
                .connections()).add("messagesIn", n.messagesIn()).add("messagesOut", n.messagesOut()).add("resumed", n
                        .resumed())
                .add("fresh", n.fresh()).add("at", n.at())));
        JsonArrayBuilder roomList = JSON.createArrayBuilder();
        rooms.rooms().forEach(r -> roomList.add(JSON.createObjectBuilder().add("room", r.room()).add("seq", r.seq())
                .add("online", r.online())));
        return Response.ok(JSON.createObjectBuilder().add("servers", servers).add("rooms", roomList).add("failovers",
                JSON.createArrayBuilder(events.recent())).add("now", System.currentTimeMillis()).build().toString())
                .build();
    }
}
