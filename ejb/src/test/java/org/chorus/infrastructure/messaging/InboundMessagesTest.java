package org.chorus.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.chorus.domain.InboundPost;
import org.chorus.domain.InboundRefusal;
import org.junit.jupiter.api.Test;

class InboundMessagesTest {

    @Test
    void aPostCarriesItsFieldsAndTheCredentialTheBrokerNamed() throws Exception {
        InboundPost post = InboundMessages.read(text(
                "{\"room\":\"general\",\"sender\":\"build-bot\",\"id\":\"b-1\",\"text\":\"Build passed\",\"extra\":1}",
                "backend"));
        assertEquals(new InboundPost("backend", "general", "build-bot", "b-1", "Build passed"), post);
    }

    @Test
    void whatIsNotAPostIsRefusedWithItsReason() {
        assertReason("bad_json", text("{not json", "backend"));
        assertReason("bad_json", text("[\"room\"]", "backend"));
        assertReason("bad_json", text(null, "backend"));
        assertReason("bad_json", text("[".repeat(5000), "backend"));
        assertReason("bad_request", text("{\"room\":\"general\",\"sender\":\"build-bot\",\"text\":\"no id\"}",
                "backend"));
        assertReason("bad_request", text("{\"room\":\"general\",\"sender\":\"build-bot\",\"id\":7,\"text\":\"x\"}",
                "backend"));
        assertReason("not_text", (Message) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{
                BytesMessage.class}, (self, method, args) -> null));
    }

    private static void assertReason(String reason, Message message) {
        assertEquals(reason, assertThrows(InboundRefusal.class, () -> InboundMessages.read(message)).reason());
    }

    /** A text message as the broker hands it over: a body and the validated user header. */
    private static TextMessage text(String body, String validatedUser) {
        return (TextMessage) Proxy.newProxyInstance(InboundMessagesTest.class.getClassLoader(), new Class<?>[]{
                TextMessage.class}, (self, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getStringProperty" -> InboundMessages.VALIDATED_USER.equals(args[0]) ? validatedUser : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
