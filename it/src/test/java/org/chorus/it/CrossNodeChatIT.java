package org.chorus.it;

import static org.chorus.it.Cluster.NODE_1;
import static org.chorus.it.Cluster.NODE_2;
import static org.chorus.it.Cluster.PASSWORD;
import static org.chorus.it.Conversations.awaitClusterCarries;
import static org.chorus.it.Conversations.nextMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message sent on one node reaches the room's subscribers on the other node: endpoint, chat service, Artemis topic,
 * message-driven bean (EJB module), CDI event, local registry (web module).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossNodeChatIT extends TwoNodes {

    @Test
    void clientsOnDifferentNodesReceiveEachOthersMessages() throws Exception {
        try (ChatClient alice = ChatClient.login(node1(), "alice", PASSWORD);
                ChatClient bob = ChatClient.login(node2(), "bob", PASSWORD)) {
            assertEquals(NODE_1, alice.connect().getString("node"));
            assertEquals(NODE_2, bob.connect().getString("node"));
            awaitClusterCarries(alice, bob, Duration.ofSeconds(60));
            String lobby = Cluster.freshRoom("lobby");
            alice.join(lobby);
            bob.join(lobby);

            String hello = Cluster.freshId("a");
            JsonObject ack = alice.say(lobby, hello, "hello from node-1");
            assertEquals("ack", ack.getString("type"), ack.toString());
            assertEquals(lobby, ack.getString("room"));
            JsonObject atBob = nextMessage(bob, lobby);
            assertEquals("alice", atBob.getString("from"));
            assertEquals(hello, atBob.getString("id"));
            assertEquals("hello from node-1", atBob.getString("text"));
            assertEquals(atBob, nextMessage(alice, lobby), "the sender gets the same message as everyone");

            bob.say(lobby, Cluster.freshId("b"), "hello back from node-2");
            JsonObject atAlice = nextMessage(alice, lobby);
            assertEquals("bob", atAlice.getString("from"));
            assertEquals("hello back from node-2", atAlice.getString("text"));
        }
    }

    @Test
    void everyNodeDeliversTheSameMessageAndOnlyToTheRoomsSubscribers() throws Exception {
        try (ChatClient carol = ChatClient.login(node1(), "carol", PASSWORD);
                ChatClient dave = ChatClient.login(node2(), "dave", PASSWORD);
                ChatClient bob = ChatClient.login(node2(), "bob", PASSWORD)) {
            carol.connect();
            dave.connect();
            bob.connect();
            awaitClusterCarries(bob, carol, Duration.ofSeconds(60));
            String design = Cluster.freshRoom("design");
            String other = Cluster.freshRoom("other");
            carol.join(design);
            bob.join(design);
            bob.join(other);
            dave.join(other); // on bob's node, not a subscriber of design, which gets traffic

            Instant before = Instant.now();
            bob.say(design, Cluster.freshId("b"), "same everywhere \uD83D\uDE00 <b>not bold</b>");
            JsonObject atCarol = nextMessage(carol, design);
            JsonObject atBob = nextMessage(bob, design);
            assertEquals(atCarol, atBob, "node-1 and node-2 deliver identical frames");
            assertEquals("same everywhere \uD83D\uDE00 <b>not bold</b>", atCarol.getString("text"));
            Instant ts = Instant.parse(atCarol.getString("ts"));
            assertTrue(!ts.isBefore(before.minusSeconds(5)) && !ts.isAfter(Instant.now().plusSeconds(5)), ts::toString);

            // Node-2 wrote the design message to its subscribers before bob, one of them, had it; only then is the
            // other
            // room's sent. Had dave been sent the first, it would be in his stream before the second.
            String forOther = Cluster.freshId("o");
            bob.say(other, forOther, "for the other room");
            assertEquals(forOther, nextMessage(dave, other).getString("id"));
            assertTrue(dave.seen().stream().noneMatch(f -> "message".equals(f.getString("type")) && design.equals(f
                    .getString("room"))), () -> "dave, not in " + design + ", got its message: " + dave.seen());
        }
    }

    @Test
    void loggingOutOnOneNodeClosesTheSessionsSocketsOnEveryNodeWith1008() throws Exception {
        try (ChatClient onNode1 = ChatClient.login(node1(), "alice", PASSWORD);
                ChatClient onNode2 = onNode1.on(node2());
                ChatClient bob = ChatClient.login(node2(), "bob", PASSWORD)) {
            onNode1.connect();
            assertEquals("alice", onNode2.connect().getString("user"), "node-2 knows the session made on node-1");
            bob.connect();
            awaitClusterCarries(onNode1, onNode2, Duration.ofSeconds(60));

            assertEquals(204, onNode1.delete("api/session").statusCode());
            assertEquals(1008, onNode1.closed().get(2, TimeUnit.SECONDS));
            assertEquals(1008, onNode2.closed().get(2, TimeUnit.SECONDS));
            bob.send(Json.createObjectBuilder().add("type", "ping").build());
            assertEquals("pong", bob.next("pong").getString("type"), "other sessions stay connected");
            assertFalse(bob.closed().isDone());
        }
    }

    @Test
    void aSessionUsedOnBothNodesByTurnsDoesNotLockItsUserOutOfEither() throws Exception {
        // As after failovers: each request of a session on the node it was not last used on once re-created the
        // container's identity there, and Elytron's brute-force protection counted each as a failed login of the user;
        // after ten, fresh logins of that user on that node were refused (401) for the lockout interval.
        try (ChatClient onNode1 = ChatClient.login(node1(), "carol", PASSWORD);
                ChatClient onNode2 = onNode1.on(node2())) {
            for (int i = 0; i < 12; i++) {
                assertEquals(200, onNode2.get("api/session").statusCode(), "the session on node-2");
                assertEquals(200, onNode1.get("api/session").statusCode(), "the session on node-1");
            }
        }
        for (var node : new java.net.URI[]{node1(), node2()}) {
            try (ChatClient fresh = ChatClient.anonymous(node)) {
                assertEquals(200, fresh.postSession("carol", PASSWORD).statusCode(), "a new login of carol at " + node);
            }
        }
    }
}
