package org.chorus.interfaces.websocket;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;

/**
 * A decoded client frame: one JSON object with a string {@code type}; malformed input is a {@code bad_request}.
 */
public record InboundFrame(String type, JsonObject json) {

    /** Parses a text frame, or throws a {@code bad_request} rejection saying what is wrong with it. */
    public static InboundFrame parse(String text) {
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw bad("empty frame", null);
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw bad("one JSON value per frame, nothing after it", null);
            }
        } catch (ChatRejection e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException and friends, and Parsson's plain RuntimeException for nesting past its depth limit.
            throw bad("not valid JSON (or nested too deeply)", null);
        }
        if (!(value instanceof JsonObject object)) {
            throw bad("a frame is a JSON object", null);
        }
        if (!(object.get("type") instanceof JsonString type)) {
            throw bad("a frame needs a string field \"type\"", null);
        }
        return new InboundFrame(type.getString(), object);
    }

    /** The string field {@code name}, or a {@code bad_request} if it is missing or not a string. */
    public String string(String name) {
        if (json.get(name) instanceof JsonString s) {
            return s.getString();
        }
        throw bad("\"" + name + "\" must be a string", optional("id"));
    }

    /** The string field {@code name}, or null when absent; a value of another type is a {@code bad_request}. */
    public String optional(String name) {
        JsonValue v = json.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw bad("\"" + name + "\" must be a string", null);
    }

    /**
     * The integer field {@code name} within {@code [min, max]}, or null when absent; anything else is a
     * {@code bad_request}.
     */
    public Long optionalLong(String name, long min, long max) {
        JsonValue v = json.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                long value = n.longValueExact();
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (ArithmeticException tooBig) {
                // falls through to the refusal
            }
        }
        throw bad("\"" + name + "\" must be an integer from " + min + " to " + max, optional("id"));
    }

    private static ChatRejection bad(String message, String ref) {
        return new ChatRejection(ErrorCode.BAD_REQUEST, message, ref);
    }
}
