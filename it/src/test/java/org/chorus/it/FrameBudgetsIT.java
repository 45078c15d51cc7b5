package org.chorus.it;

import static org.chorus.it.Cluster.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every frame type has a budget per connection, a connection joins a bounded number of rooms, and a node forgets the
 * rooms it has no member in (issue 15, item 5), with the default settings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrameBudgetsIT extends OneNode {

    /** The defaults of chorus.frame-burst.typing, .history and chorus.max-rooms-per-connection. */
    private static final int TYPING_BURST = 20;
    private static final int HISTORY_BURST = 50;
    private static final int MAX_ROOMS = 100;
    private static final Pattern FOLLOWED = Pattern.compile("(?m)^chorus_rooms_followed\\{[^}]*} (\\d+)$");

    @Test
    void typingPastItsBurstIsRefusedAndTheConnectionGoesOn() throws Exception {
        try (ChatClient alice = ChatClient.login(base(), "alice", PASSWORD)) {
            alice.connect();
            String room = Cluster.freshRoom("typing");
            alice.join(room);
            int sent = TYPING_BURST + 15;
            for (int i = 0; i < sent; i++) {
                alice.send(Json.createObjectBuilder().add("type", "typing").add("room", room).build());
            }
            JsonObject refused = alice.next(f -> "error".equals(f.getString("type")), "rate_limited for typing");
            assertEquals("rate_limited", refused.getString("code"), refused.toString());
            assertEquals(room, refused.getString("ref"));
            String afterTyping = Cluster.freshId("after-typing");
            alice.send(Json.createObjectBuilder().add("type", "send").add("room", room).add("id", afterTyping).add(
                    "text", "still here").build());
            alice.next(f -> "ack".equals(f.getString("type")) && afterTyping.equals(f.getString("id")),
                    "the ack of a send after the refused typing");
        }
    }

    @Test
    void historyRequestsPastTheirBurstAreRefusedOneByOne() throws Exception {
        try (ChatClient bob = ChatClient.login(base(), "bob", PASSWORD)) {
            bob.connect();
            String room = Cluster.freshRoom("history");
            bob.join(room);
            int asked = HISTORY_BURST + 30;
            for (int i = 0; i < asked; i++) {
                bob.send(Json.createObjectBuilder().add("type", "history").add("room", room).build());
            }
            int pages = 0;
            int refused = 0;
            for (int i = 0; i < asked; i++) {
                JsonObject answer = bob.next(f -> "history".equals(f.getString("type")) || "error".equals(f.getString(
                        "type")), "answer " + (i + 1) + " of " + asked);
                if ("history".equals(answer.getString("type"))) {
                    pages++;
                } else {
                    assertEquals("rate_limited", answer.getString("code"), answer.toString());
                    refused++;
                }
            }
            assertTrue(pages >= HISTORY_BURST, pages + " pages");
            assertTrue(refused >= 1, "none refused of " + asked);
        }
    }

    @Test
    void aConnectionJoinsAtMostItsQuotaOfRoomsAndTheNodeForgetsRoomsNobodyHereIsIn() throws Exception {
        ChatClient metrics = ChatClient.anonymous(base());
        long before = followed(metrics);
        try (ChatClient carol = ChatClient.login(base(), "carol", PASSWORD)) {
            carol.connect();
            List<String> rooms = new ArrayList<>();
            for (int i = 0; i < MAX_ROOMS; i++) {
                rooms.add(Cluster.freshRoom("quota"));
                assertEquals("joined", carol.join(rooms.get(i)).getString("type"), "room " + (i + 1));
            }
            assertTrue(followed(metrics) >= MAX_ROOMS, "node-1 follows the " + MAX_ROOMS + " rooms");
            String oneMore = Cluster.freshRoom("quota");
            JsonObject refused = carol.join(oneMore);
            assertEquals("too_many_rooms", refused.getString("code"), refused.toString());
            assertEquals(oneMore, refused.getString("ref"));
            assertEquals("joined", carol.join(rooms.get(0)).getString("type"), "a re-join is not one more room");

            carol.send(Json.createObjectBuilder().add("type", "leave").add("room", rooms.get(0)).build());
            carol.next("left");
            assertEquals("joined", carol.join(oneMore).getString("type"), "after leaving one");

            rooms.set(0, oneMore);
            for (String room : rooms) {
                carol.send(Json.createObjectBuilder().add("type", "leave").add("room", room).build());
                carol.next("left");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (followed(metrics) > before) {
                assertTrue(System.nanoTime() < deadline, "node-1 still follows " + followed(metrics) + " rooms, "
                        + before + " before the test");
                Thread.sleep(100);
            }
            assertFalse(carol.closed().isDone());
        }
    }

    private static long followed(ChatClient metrics) throws Exception {
        Matcher m = FOLLOWED.matcher(metrics.get("metrics").body());
        assertTrue(m.find(), "chorus_rooms_followed in node-1's metrics");
        return Long.parseLong(m.group(1));
    }
}
