package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resuming a connection on the other node with the same HTTP session: its rooms come back; a token of another session
 * or user, or of a session that ended, starts fresh; and a session's end removes the state of its connections from the
 * cluster (seen from inside each server by the test-only {@link StoreProbe}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResumeIT extends ProbedNodes {

    @Test
    void aConnectionResumesOnTheOtherNodeRightAfterLoginWithItsRooms() throws Exception {
        String r1 = Cluster.freshRoom("keep");
        String r2 = Cluster.freshRoom("drop");
        String r3 = Cluster.freshRoom("keep");
        ChatClient onNode1 = login(node1(), "alice");
        // Straight after the login on node-1, with its cookie, on node-2 (the WFLY-12266 trap).
        ChatClient onNode2 = onNode1.on(node2());
        JsonObject first = onNode2.connect();
        assertFalse(first.getBoolean("resumed"));
        assertEquals(List.of(), rooms(first));
        String token = first.getString("resume");
        onNode2.join(r1);
        onNode2.join(r2);
        onNode2.join(r3);
        onNode2.send(Json.createObjectBuilder().add("type", "leave").add("room", r2).build());
        onNode2.next("left");
        onNode2.close();

        ChatClient back = onNode1.on(node1());
        JsonObject welcome = back.connect(token);
        assertTrue(welcome.getBoolean("resumed"), welcome.toString());
        assertEquals("node-1", welcome.getString("node"));
        assertEquals(token, welcome.getString("resume"), "the same token serves the next reconnect");
        assertEquals(Set.of(r1, r3), Set.copyOf(rooms(welcome)));
        back.close();
    }

    @Test
    void aTokenOfAnotherSessionOrUserOrOfAnEndedSessionStartsFresh() throws Exception {
        ChatClient alice = login(node1(), "alice");
        String token = alice.connect().getString("resume");
        alice.join(Cluster.freshRoom("mine"));

        ChatClient bob = login(node2(), "bob");
        JsonObject stolen = bob.connect(token);
        assertFalse(stolen.getBoolean("resumed"), "bob cannot take alice's connection");
        assertNotEquals(token, stolen.getString("resume"));
        assertEquals(List.of(), rooms(stolen));

        ChatClient aliceElsewhere = login(node2(), "alice"); // another login: another HTTP session
        assertFalse(aliceElsewhere.connect(token).getBoolean("resumed"), "not her session's connection");

        assertTrue(stateKept(node2(), token), "before the logout, the state is in the cluster");
        assertEquals(204, alice.delete("api/session").statusCode());
        for (URI node : List.of(node1(), node2())) {
            awaitGone(node, token, Duration.ofSeconds(2));
        }
        ChatClient again = alice.on(node1());
        assertEquals(200, again.postSession("alice", Cluster.PASSWORD).statusCode());
        assertFalse(again.connect(token).getBoolean("resumed"), "the session that held it ended");
        List.of(alice, bob, aliceElsewhere, again).forEach(ChatClient::close);
    }

    /** Whether {@code node} holds a connection state under {@code token}. */
    private static boolean stateKept(URI node, String token) throws Exception {
        String body = ChatClient.anonymous(node).get("test/store?token=" + token).body();
        return Json.createReader(new StringReader(body)).readObject().getBoolean("state");
    }

    /** Polls until {@code node} no longer holds the state (the protocol's 2 s for a logout's effects). */
    private static void awaitGone(URI node, String token, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (stateKept(node, token)) {
            assertTrue(System.nanoTime() < deadline, "the ended session's connection state is still on " + node
                    + " after " + within);
            Thread.sleep(50);
        }
    }

    private static List<String> rooms(JsonObject welcome) {
        return welcome.getJsonArray("rooms").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }
}
