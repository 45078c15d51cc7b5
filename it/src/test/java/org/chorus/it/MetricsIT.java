package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each server's Prometheus page counts what happened on it, and answers only this host (not a proxied request) or an
 * admin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT extends TwoNodes {

    private static final String FORWARDED = "X-Forwarded-For";

    @Test
    void aNodesPageCountsItsConnectionsMessagesAndResumes() throws Exception {
        String room = Cluster.freshRoom("metrics");
        ChatClient scraper = ChatClient.anonymous(node2());
        String before = page(scraper);
        ChatClient alice = login(node1(), "alice");
        ChatClient bob = login(node2(), "bob");
        String token = bob.connect().getString("resume");
        alice.connect();
        Conversations.awaitClusterCarries(alice, bob, java.time.Duration.ofSeconds(60));
        bob.join(room);
        alice.join(room);
        alice.say(room, Cluster.freshId("m"), "counted on node-2 as a delivery");
        Conversations.nextMessage(bob, room);
        bob.close();
        ChatClient again = bob.on(node2());
        again.connect(token);

        String after = page(scraper);
        assertTrue(value(after, "chorus_messages_out_total\\{node=\"node-2\"}") > value(before,
                "chorus_messages_out_total\\{node=\"node-2\"}"), after);
        assertTrue(value(after, "chorus_resumes_total\\{node=\"node-2\",result=\"resumed\"}") >= 1, after);
        assertTrue(value(after, "chorus_connections\\{node=\"node-2\"}") >= 1, after);
        assertTrue(value(after, "chorus_fanout_latency_seconds_count") > value(before,
                "chorus_fanout_latency_seconds_count"), after);
        assertTrue(value(page(ChatClient.anonymous(node1())), "chorus_messages_in_total\\{node=\"node-1\"}") >= 2,
                "alice's sends are counted on node-1");
        again.close();
        alice.close();
    }

    @Test
    void aProxiedRequestNeedsAnAdmin() throws Exception {
        assertEquals(403, ChatClient.anonymous(node1()).get("metrics", FORWARDED, "203.0.113.9").statusCode());
        assertEquals(403, login(node1(), "alice").get("metrics", FORWARDED, "203.0.113.9").statusCode());
        assertEquals(200, login(node1(), "admin").get("metrics", FORWARDED, "203.0.113.9").statusCode());
    }

    private static String page(ChatClient client) throws Exception {
        var answer = client.get("metrics");
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static double value(String page, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
