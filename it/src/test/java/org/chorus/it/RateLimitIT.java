package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends per user are limited across all their connections and both nodes (20 per second, bursts of 40), with
 * {@code rate_limited} and nothing stored past the limit; reconnecting does not refill the bucket.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT extends TwoNodes {

    private static final double PER_SECOND = 20;
    private static final int BURST = 40;

    @Test
    void aUserPastTheRateIsRefusedOnEveryConnectionAndNodeAndAReconnectDoesNotRefill() throws Exception {
        String room = Cluster.freshRoom("rate");
        ChatClient onNode1 = login(node1(), "admin");
        ChatClient onNode2 = onNode1.on(node2());
        for (ChatClient c : List.of(onNode1, onNode2)) {
            c.connect();
            c.join(room);
        }
        long start = System.nanoTime();
        int acked = burst(List.of(onNode1, onNode2), room, room + "-a", 100);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(acked >= BURST && acked <= BURST + PER_SECOND * seconds + 1, acked + " of 100 acked in " + seconds
                + " s");
        long exhausted = System.nanoTime();

        onNode1.close();
        onNode2.close();
        ChatClient again = onNode1.on(node2());
        again.connect();
        again.join(room);
        int afterReconnect = burst(List.of(again), room, room + "-b", 20);
        double since = (System.nanoTime() - exhausted) / 1e9;
        // What refilled since then, plus what the bucket held when this test saw it empty: up to a token's fraction
        // left by the last take, and what refilled while the refusals after it were answered (a few ms: one token
        // more). A refilled bucket would ack all 20.
        assertTrue(afterReconnect <= PER_SECOND * since + 2, afterReconnect + " of 20 acked " + since
                + " s after the bucket was empty: the reconnect refilled it");
        assertEquals(acked + afterReconnect, stored(again, room), "only the acked messages are stored");
        again.close();
    }

    /** Sends {@code count} messages at once, spread over the connections; returns how many were acked. */
    private static int burst(List<ChatClient> clients, String room, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            clients.get(i % clients.size()).send(Json.createObjectBuilder().add("type", "send").add("room", room).add(
                    "id", prefix + i).add("text", "message " + i).build());
        }
        int acked = 0;
        for (int i = 0; i < count; i++) {
            ChatClient c = clients.get(i % clients.size());
            JsonObject answer = c.next(f -> "ack".equals(f.getString("type")) || "error".equals(f.getString("type")),
                    "answer", Duration.ofSeconds(30));
            if ("ack".equals(answer.getString("type"))) {
                acked++;
            } else {
                assertEquals("rate_limited", answer.getString("code"), answer.toString());
            }
        }
        return acked;
    }

    private static int stored(ChatClient client, String room) throws Exception {
        var answer = client.get("api/rooms/" + room + "/messages?limit=200");
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("messages").size();
    }
}
