package org.chorus.infrastructure.messaging;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.chorus.domain.NodeStats;
import org.chorus.domain.Presence;
import org.chorus.domain.SessionEnded;
import org.chorus.domain.Typing;

/**
 * The kinds of topic message (the {@code chorus_kind} property) and the JSON of the small events among them.
 */
public final class TopicEvent {

    static final String KIND = "chorus_kind";
    static final String MESSAGE = "message";
    static final String SESSION_ENDED = "session-ended";
    static final String PRESENCE = "presence";
    static final String TYPING = "typing";
    static final String STATS = "stats";

    private TopicEvent() {
    }

    static String write(Presence p) {
        return JSON.createObjectBuilder().add("room", p.room()).add("user", p.user()).add("online", p.online())
                .build().toString();
    }

    static String write(Typing t) {
        return JSON.createObjectBuilder().add("room", t.room()).add("user", t.user()).build().toString();
    }

    static String write(NodeStats n) {
        return JSON.createObjectBuilder().add("node", n.node()).add("connections", n.connections()).add("in", n
                .messagesIn()).add("out", n.messagesOut()).add("resumed", n.resumed()).add("fresh", n.fresh()).add(
                        "at", n.at())
                .build().toString();
    }

    /** The event a topic message of this kind carries: a chat message, presence, typing, a session's end or stats. */
    static Object read(String kind, String body) {
        if (kind == null || MESSAGE.equals(kind)) {
            return MessageJson.read(body);
        }
        if (SESSION_ENDED.equals(kind)) {
            return new SessionEnded(body);
        }
        JsonObject o = object(body);
        return switch (kind) {
            case PRESENCE -> new Presence(o.getString("room"), o.getString("user"), o.getBoolean("online"));
            case TYPING -> new Typing(o.getString("room"), o.getString("user"));
            case STATS -> new NodeStats(o.getString("node"), o.getJsonNumber("connections").longValue(), o
                    .getJsonNumber("in").longValue(), o.getJsonNumber("out").longValue(),
                    o.getJsonNumber("resumed")
                            .longValue(),
                    o.getJsonNumber("fresh").longValue(), o.getJsonNumber("at").longValue());
            default -> throw new IllegalArgumentException("unknown topic message kind " + kind);
        };
    }

    private static JsonObject object(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
