package org.chorus.infrastructure.messaging;

import static org.chorus.infrastructure.json.Jsonp.JSON;

import java.io.StringReader;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.chorus.domain.InboundPost;
import org.chorus.domain.InboundRefusal;

/**
 * Reads a message of the inbound queue: a text message whose body is
 * {@code {"room":"...","sender":"...","id":"...","text":"..."}}, sent by an authenticated user.
 */
public final class InboundMessages {

    /** JNDI name of the queue, created by {@code config/chorus-profile.cli}. */
    public static final String QUEUE = "java:/jms/queue/chorus-inbound";
    /** JNDI name of its dead-letter queue. */
    public static final String DEAD_LETTERS = "java:/jms/queue/chorus-inbound-dlq";
    /**
     * Artemis's header with the user the sending connection logged in as, set by the broker (module org.chorus.broker
     * in the servers, populate-validated-user on an external broker).
     */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    private InboundMessages() {
    }

    /** The post the message asks for; an {@link InboundRefusal} when it is not one. */
    public static InboundPost read(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new InboundRefusal("not_text", "expected a text message with a JSON body, got "
                    + message.getClass().getSimpleName());
        }
        JsonObject body = parse(text.getText());
        return new InboundPost(message.getStringProperty(VALIDATED_USER), field(body, "room"), field(body, "sender"),
                field(body, "id"), field(body, "text"));
    }

    /** The body as text, for the dead-letter copy; null when it has none or is not text. */
    static String body(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : null;
    }

    private static JsonObject parse(String body) {
        if (body == null) {
            throw new InboundRefusal("bad_json", "the message has no body");
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) { // JsonException, and Parsson's plain RuntimeException for nesting past its limit
            throw new InboundRefusal("bad_json", "the body is not JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InboundRefusal("bad_json", "the body must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static String field(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonString string)) {
            throw new InboundRefusal("bad_request", "\"" + name + "\" must be a string");
        }
        return string.getString();
    }
}
