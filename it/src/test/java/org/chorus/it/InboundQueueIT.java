package org.chorus.it;

import static org.chorus.it.Cluster.PASSWORD;
import static org.chorus.it.Conversations.awaitClusterCarries;
import static org.chorus.it.Conversations.nextMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.chorus.inbound.InboundClient;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Other systems post into rooms through the inbound queue with the plain Artemis client and application credentials:
 * the message gets a seq, is stored once per (sender, id) and reaches the room on every node; what cannot be posted is
 * in the dead-letter queue with its reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundQueueIT extends TwoNodes {

    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(20);
    private static final String INBOUND = Credentials.testServers().inbound();
    /** The chat topic's broker address (java:/jms/topic/chorus). */
    private static final String CHAT_TOPIC = "jms.topic.chorus";

    @Test
    void aPostGetsTheNextSeqIsStoredOnceAndReachesTheOtherNode() throws Exception {
        String room = Cluster.freshRoom("builds");
        long before;
        try (ChatClient bob = login(node1(), "bob");
                ChatClient alice = login(node2(), "alice");
                InboundClient backend = InboundClient.connect(artemisUrl(node1()), "backend", INBOUND)) {
            bob.connect();
            alice.connect();
            awaitClusterCarries(bob, alice, Duration.ofSeconds(60));
            alice.join(room);
            bob.join(room);
            before = bob.say(room, Cluster.freshId("b"), "deploying").getJsonNumber("seq").longValue();
            nextMessage(alice, room);

            String id = "build-" + UUID.randomUUID();
            backend.post(room, "build-bot", id, "Build 1234 passed");
            JsonObject posted = nextMessage(alice, room);
            assertEquals("build-bot", posted.getString("from"));
            assertEquals(id, posted.getString("id"));
            assertEquals("Build 1234 passed", posted.getString("text"));
            assertEquals(before + 1, posted.getJsonNumber("seq").longValue());

            backend.post(room, "build-bot", id, "Build 1234 passed"); // a retry of the batch job: stored once
            String alert = Cluster.freshId("alert");
            backend.post(room, "alerts", alert, "disk 91% full");
            JsonObject next = nextMessage(alice, room);
            assertEquals(alert, next.getString("id"), "the repeated id was not posted again: " + next);
            assertEquals(before + 2, next.getJsonNumber("seq").longValue());
        }
        try (ChatClient dave = login(node1(), "dave")) {
            dave.connect();
            assertEquals(before + 2, dave.join(room).getJsonNumber("seq").longValue(), "the room holds each post once");
        }
    }

    @Test
    void whatCannotBePostedIsInTheDeadLetterQueueWithTheReason() throws Exception {
        try (ChatClient alice = login(node2(), "alice");
                InboundClient backend = InboundClient.connect(artemisUrl(node1()), "backend", INBOUND)) {
            alice.connect();
            String room = Cluster.freshRoom("alerts");
            alice.join(room);

            assertDeadLetter(backend, backend.post(room, "mallory", "m-1", "as someone else"), "sender_not_allowed",
                    "backend");
            assertDeadLetter(backend, backend.send("{not json"), "bad_json", "backend");
            assertDeadLetter(backend, backend.send("{\"room\":\"" + room + "\",\"sender\":\"alerts\"}"), "bad_request",
                    "backend");
            assertDeadLetter(backend, backend.post("No Such Room!", "alerts", "a-1", "hello"), "invalid_room",
                    "backend");
            assertDeadLetter(backend, backend.post(room, "alerts", "a-2", "x".repeat(4001)), "too_long", "backend");
            // A credential claiming to be another in the broker's own header: the broker replaces it.
            assertDeadLetter(backend, sendClaimingToBeBackend(node1(), room), "sender_not_allowed", "monitoring");

            String id = "ok-" + UUID.randomUUID();
            backend.post(room, "alerts", id, "after the refusals");
            assertEquals(id, nextMessage(alice, room).getString("id"), "no refused message reached the room");
        }
    }

    @Test
    void chatUsersCannotPostAndApplicationCredentialsCannotChat() throws Exception {
        try (InboundClient alice = InboundClient.connect(artemisUrl(node1()), "alice", PASSWORD)) {
            assertThrows(JMSSecurityRuntimeException.class, () -> alice.post("general", "alice", "x-1", "hi"));
        }
        assertEquals(403, ChatClient.anonymous(node2()).postSession("backend", INBOUND).statusCode());
    }

    /**
     * The chat topic is the nodes' own: neither a chat user nor an inbound credential may publish to it (a forged chat
     * message on every node) or subscribe to it (every room's messages), on either node (issue 15, item 7).
     */
    @ParameterizedTest
    @ValueSource(strings = {"alice", "backend"})
    void chatUsersAndInboundCredentialsCannotUseTheChatTopic(String user) throws Exception {
        for (URI node : List.of(node1(), node2())) {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(artemisUrl(node), user, Credentials
                    .testServers().of(user));
                    JMSContext context = factory.createContext()) {
                Topic topic = context.createTopic(CHAT_TOPIC);
                assertThrows(JMSSecurityRuntimeException.class, () -> context.createProducer().send(topic,
                        "{\"room\":\"general\",\"seq\":1}"), user + " publishing on " + node);
                assertThrows(JMSSecurityRuntimeException.class, () -> context.createConsumer(topic).close(), user
                        + " subscribing on " + node);
            }
        }
    }

    /** As credential "monitoring" (allowed: alerts), posts as build-bot with the header naming "backend". */
    private static String sendClaimingToBeBackend(URI node, String room) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(artemisUrl(node), "monitoring",
                INBOUND); JMSContext context = factory.createContext()) {
            Message message = context.createTextMessage("{\"room\":\"" + room
                    + "\",\"sender\":\"build-bot\",\"id\":\"spoof-1\",\"text\":\"I am backend\"}");
            message.setStringProperty("_AMQ_VALIDATED_USER", "backend");
            context.createProducer().send(context.createQueue(InboundClient.QUEUE), message);
            return message.getJMSMessageID();
        }
    }

    private static void assertDeadLetter(InboundClient client, String messageId, String reason, String credential)
            throws Exception {
        Message letter = client.takeDeadLetter(messageId, DEAD_LETTER_WAIT);
        if (letter == null) {
            throw new AssertionError("no dead letter for " + messageId + " within " + DEAD_LETTER_WAIT);
        }
        assertEquals(reason, letter.getStringProperty("chorus_reason"), letter.getStringProperty("chorus_detail"));
        assertEquals(credential, letter.getStringProperty("chorus_credential"));
    }

    /** The node's HTTP port, upgraded to Artemis's core protocol. */
    static String artemisUrl(URI node) {
        return "tcp://" + node.getHost() + ":" + node.getPort() + "?httpUpgradeEnabled=true";
    }
}
