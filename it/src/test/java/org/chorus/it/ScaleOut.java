package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What a third server added by {@code ./chorus add node3} must do: be in the cluster view and at the balancer, carry
 * presence and messages to the others, and get its share of new logins through the balancer.
 */
final class ScaleOut {

    private static final int LOGINS = 30;

    private ScaleOut() {
    }

    static void check(URI balancer, URI node1, URI node3, String status) throws Exception {
        assertTrue(status.matches("(?s).*node3\\s+up\\s+pid \\d+.*"), status);
        assertTrue(status.matches("(?s).*cluster view from node1: [^\\n]*node3\\(.*"), status);
        assertTrue(status.contains("node3 NODE_UP"), status);

        String room = Cluster.freshRoom("scale");
        try (ChatClient carol = ChatClient.login(node3, "carol", Credentials.runCommand().chat());
                ChatClient dave = ChatClient.login(node1, "dave", Credentials.runCommand().chat())) {
            assertEquals("node3", carol.connect().getString("node"));
            dave.connect();
            Conversations.awaitClusterCarries(carol, dave, Duration.ofSeconds(60));
            dave.join(room);
            carol.join(room);
            JsonObject online = dave.next(f -> "presence".equals(f.getString("type")) && "carol".equals(f.getString(
                    "user")), "carol online from node3");
            assertEquals("online", online.getString("status"));
            carol.say(room, Cluster.freshId("from-node3"), "hello from the new server");
            assertEquals("hello from the new server", Conversations.nextMessage(dave, room).getString("text"));
        }

        Map<String, Integer> nodes = new TreeMap<>();
        for (int i = 0; i < LOGINS; i++) {
            var answer = ChatClient.anonymous(balancer).postSession(i % 2 == 0 ? "alice" : "bob",
                    Credentials.runCommand().chat());
            assertEquals(200, answer.statusCode(), answer.body());
            String node = Json.createReader(new StringReader(answer.body())).readObject().getString("node");
            nodes.merge(node, 1, Integer::sum);
        }
        System.out.printf("%d new logins through the balancer with node3 added: %s%n", LOGINS, nodes);
        assertTrue(nodes.getOrDefault("node3", 0) > 0, "node3 got no new sessions: " + nodes);
    }
}
