package org.chorus.interfaces.rest;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import static org.chorus.interfaces.rest.Problems.problem;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.chorus.application.RoomService;
import org.chorus.domain.ChatRejection;
import org.chorus.interfaces.websocket.Frames;

/**
 * The rooms over HTTP: {@code GET /chorus/api/rooms} and a room's history pages, for role {@code chat} (web.xml).
 */
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    private static final int DEFAULT_PAGE = 50;

    @Context
    HttpServletRequest request;

    @Inject
    RoomService rooms;

    /** Every shared room with messages or users online: {@code {"rooms":[{"room","seq","online"}]}}. */
    @GET
    public Response list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        rooms.rooms().forEach(r -> list.add(JSON.createObjectBuilder().add("room", r.room()).add("seq", r.seq()).add(
                "online", r.online())));
        return Response.ok(JSON.createObjectBuilder().add("rooms", list).build().toString()).build();
    }

    /** Up to {@code limit} (≤ 200) messages with seq below {@code before}: the {@code history} frame's rules. */
    @GET
    @Path("{room}/messages")
    public Response messages(@PathParam("room") String room, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        String user = request.getUserPrincipal().getName(); // role chat, declared in web.xml
        Long beforeSeq = number(before, 1, Long.MAX_VALUE);
        Long size = number(limit, 1, RoomService.MAX_PAGE);
        if ((before != null && beforeSeq == null) || (limit != null && size == null)) {
            return problem(Status.BAD_REQUEST, "before must be an integer >= 1, limit an integer from 1 to "
                    + RoomService.MAX_PAGE);
        }
        try {
            return Response.ok(Frames.history(rooms.history(user, room, beforeSeq, size == null
                    ? DEFAULT_PAGE
                    : size.intValue()))).build();
        } catch (ChatRejection e) {
            return problem(switch (e.code()) {
                case FORBIDDEN -> Status.FORBIDDEN;
                default -> Status.BAD_REQUEST;
            }, e.getMessage());
        }
    }

    private static Long number(String text, long min, long max) {
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
