package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * History across nodes: {@code join since} replays exactly what was missed, a re-join re-syncs, history pages over the
 * WebSocket and over HTTP agree, and a repeated client id is stored once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryIT extends TwoNodes {

    @Test
    void joinSinceReplaysExactlyTheMissedMessagesThenLiveOnes() throws Exception {
        String room = Cluster.freshRoom("replay");
        try (ChatClient alice = login(node1(), "alice"); ChatClient bob = login(node2(), "bob")) {
            alice.connect();
            bob.connect();
            Conversations.awaitClusterCarries(alice, bob, Duration.ofSeconds(60));
            alice.join(room);
            for (int i = 1; i <= 5; i++) {
                alice.say(room, room + "-" + i, "before " + i);
            }
            JsonObject joined = bob.join(room, 2);
            assertEquals(5, joined.getInt("seq"));
            assertFalse(joined.getBoolean("truncated"));
            assertEquals(List.of(3L, 4L, 5L), seqs(bob.messages(room, 3, ChatClient.TIMEOUT)));
            alice.say(room, room + "-6", "live");
            assertEquals(List.of(6L), seqs(bob.messages(room, 1, ChatClient.TIMEOUT)));

            JsonObject rejoined = bob.join(room, 4);
            assertEquals(6, rejoined.getInt("seq"));
            assertEquals(List.of(5L, 6L), seqs(bob.messages(room, 2, ChatClient.TIMEOUT)), "a re-join re-syncs");
            alice.say(room, room + "-7", "after the re-join");
            assertEquals(List.of(7L), seqs(bob.messages(room, 1, ChatClient.TIMEOUT)), "and stays subscribed once");
        }
    }

    @Test
    void historyPagesBackwardsAndHttpAnswersTheSame() throws Exception {
        String room = Cluster.freshRoom("pages");
        try (ChatClient carol = login(node1(), "carol"); ChatClient dave = login(node2(), "dave")) {
            carol.connect();
            dave.connect();
            carol.join(room);
            for (int i = 1; i <= 7; i++) {
                carol.say(room, room + "-" + i, "m" + i);
            }
            dave.send(Json.createObjectBuilder().add("type", "history").add("room", room).add("before", 6).add("limit",
                    3).build());
            JsonObject page = dave.next("history");
            assertEquals(List.of(3L, 4L, 5L), seqs(page.getJsonArray("messages").getValuesAs(JsonObject.class)));
            assertTrue(page.getBoolean("more"));
            assertEquals("carol", page.getJsonArray("messages").getJsonObject(0).getString("from"));

            HttpResponse<String> http = dave.get("api/rooms/" + room + "/messages?before=6&limit=3");
            assertEquals(200, http.statusCode(), http.body());
            assertEquals(page.getJsonArray("messages"), json(http.body()).getJsonArray("messages"));

            JsonObject oldest = json(dave.get("api/rooms/" + room + "/messages?before=3&limit=50").body());
            assertEquals(List.of(1L, 2L), seqs(oldest.getJsonArray("messages").getValuesAs(JsonObject.class)));
            assertFalse(oldest.getBoolean("more"));
            assertEquals(400, dave.get("api/rooms/" + room + "/messages?limit=201").statusCode());

            JsonObject rooms = json(dave.get("api/rooms").body());
            JsonObject listed = rooms.getJsonArray("rooms").getValuesAs(JsonObject.class).stream().filter(r -> room
                    .equals(r.getString("room"))).findFirst().orElseThrow(() -> new AssertionError(rooms.toString()));
            assertEquals(7, listed.getInt("seq"));
            assertEquals(1, listed.getInt("online"), "carol is in the room");
            assertEquals(401, ChatClient.anonymous(node2()).get("api/rooms").statusCode());
        }
    }

    @Test
    void aRepeatedIdIsStoredOnceAndAckedWithTheFirstSeqOnEitherNode() throws Exception {
        String room = Cluster.freshRoom("dedupe");
        try (ChatClient onNode1 = login(node1(), "alice"); ChatClient onNode2 = onNode1.on(node2())) {
            onNode1.connect();
            onNode2.connect();
            onNode1.join(room);
            onNode2.join(room);
            String same = Cluster.freshId("same");
            JsonObject first = onNode1.say(room, same, "once");
            JsonObject again = onNode1.say(room, same, "once");
            JsonObject elsewhere = onNode2.say(room, same, "once");
            assertEquals(1, first.getInt("seq"));
            assertEquals(first, again);
            assertEquals(first, elsewhere, "the dedupe window is cluster-wide");
            onNode1.say(room, Cluster.freshId("next"), "twice?");
            assertEquals(List.of(1L, 2L), seqs(onNode2.messages(room, 2, ChatClient.TIMEOUT)),
                    "nothing stored for the repeats");
        }
    }

    static List<Long> seqs(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getJsonNumber("seq").longValue()).toList();
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
