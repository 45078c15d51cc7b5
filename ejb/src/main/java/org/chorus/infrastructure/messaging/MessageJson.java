package org.chorus.infrastructure.messaging;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.chorus.domain.ChatMessage;

/**
 * The JSON form of a chat message in history and on the topic (the fields of the protocol's {@code message} frame).
 */
public final class MessageJson {

    private MessageJson() {
    }

    public static String write(ChatMessage m) {
        return fields(m).build().toString();
    }

    /** The message's fields, also the body of the protocol's {@code message} frame. */
    public static JsonObjectBuilder fields(ChatMessage m) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("room", m.room()).add("seq", m.seq()).add("id", m.id())
                .add(
                        "from", m.from());
        if (m.to() != null) {
            b.add("to", m.to());
        }
        return b.add("text", m.text()).add("ts", m.ts().toString());
    }

    public static ChatMessage read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new ChatMessage(o.getString("room"), o.getJsonNumber("seq").longValueExact(), o.getString("id"), o
                    .getString("from"), o.getString("to", null), o.getString("text"),
                    Instant.parse(o.getString(
                            "ts")));
        }
    }
}
