package org.chorus.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.InboundPost;
import org.chorus.domain.InboundRefusal;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class InboundServiceTest {

    private final List<String> posted = new ArrayList<>();
    private final InboundService service = service(Map.of("chorus.inbound.senders.backend", List.of("build-bot",
            "alerts"), "chorus.inbound.senders.monitoring", List.of("alerts")));

    @Test
    void aCredentialPostsAsTheSendersItIsAllowed() {
        assertEquals(new Ack("b-1", "general", 7), service.post(new InboundPost("backend", "general", "build-bot",
                "b-1", "Build passed")));
        service.post(new InboundPost("monitoring", "general", "alerts", "a-1", "disk full"));
        assertEquals(List.of("build-bot general b-1 Build passed", "alerts general a-1 disk full"), posted);
    }

    @Test
    void anotherSenderOrNoCredentialIsRefusedAndNothingIsPosted() {
        InboundRefusal other = assertThrows(InboundRefusal.class, () -> service.post(new InboundPost("monitoring",
                "general", "build-bot", "b-1", "as someone else")));
        assertEquals("sender_not_allowed", other.reason());
        assertTrue(other.getMessage().contains("allowed: alerts"), other.getMessage());
        assertEquals("sender_not_allowed", assertThrows(InboundRefusal.class, () -> service.post(new InboundPost(
                "jenkins", "general", "build-bot", "b-1", "unknown credential"))).reason());
        assertEquals("no_credential", assertThrows(InboundRefusal.class, () -> service.post(new InboundPost(null,
                "general", "build-bot", "b-1", "anonymous"))).reason());
        assertEquals(List.of(), posted);
    }

    @Test
    void whatTheChatRefusesIsRefusedWithTheProtocolsCode() {
        assertEquals("too_long", assertThrows(InboundRefusal.class, () -> service.post(new InboundPost("backend",
                "general", "build-bot", "b-2", "too long"))).reason());
    }

    private InboundService service(Map<String, List<String>> settings) {
        InboundService inbound = new InboundService();
        inbound.config = (Config) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Config.class},
                (self, method, args) -> {
                    if (!method.getName().equals("getOptionalValues")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Optional.ofNullable(settings.get((String) args[0]));
                });
        inbound.chat = new ChatService() {

            @Override
            public Ack post(String sender, String room, String id, String text) {
                if (text.equals("too long")) {
                    throw new ChatRejection(ErrorCode.TOO_LONG, "text is too long", id);
                }
                posted.add(sender + " " + room + " " + id + " " + text);
                return new Ack(id, room, 7);
            }
        };
        return inbound;
    }
}
