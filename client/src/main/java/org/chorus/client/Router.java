package org.chorus.client;

import java.lang.System.Logger.Level;

import jakarta.json.JsonObject;

/**
 * Hands each frame of the current connection, once the observer has seen it, to the part of the client it concerns.
 * Runs under the session's monitor.
 */
final class Router {

    private final Session session;

    Router(Session session) {
        this.session = session;
    }

    void route(JsonObject frame, long arrived) {
        if (session.settings.observer() != null) {
            try {
                session.settings.observer().frame(frame, arrived);
            } catch (RuntimeException e) {
                Session.LOG.log(Level.WARNING, "the frame observer failed", e);
            }
        }
        switch (frame.getString("type", "")) {
            case "welcome" -> session.welcomed(frame);
            case "joined" -> session.rooms.joined(frame);
            case "message" -> session.rooms.message(frame);
            case "presence", "typing" -> session.rooms.notice(frame);
            case "left" -> session.rooms.left(frame);
            case "ack" -> session.outbox.ack(frame);
            case "error" -> refused(Decode.error(frame));
            default -> {
                // pong, history: nothing this client asks for
            }
        }
    }

    /** An error frame fails or retries the send, join or leave its {@code ref} names. */
    private void refused(ChatErrorException error) {
        if (!session.outbox.refused(error) && !session.rooms.refused(error)) {
            Session.LOG.log(Level.DEBUG, "{0}: error frame for nothing pending: {1}", session.settings.user(), error
                    .getMessage());
        }
    }
}
