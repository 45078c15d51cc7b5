package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Direct messages through inboxes across nodes and their privacy; presence, typing and members across nodes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxAndPresenceIT extends TwoNodes {

    @Test
    void aDirectMessageReachesItsRecipientOnTheOtherNodeAndBothInboxes() throws Exception {
        try (ChatClient alice = login(node1(), "alice"); ChatClient bob = login(node2(), "bob")) {
            alice.connect();
            bob.connect();
            Conversations.awaitClusterCarries(alice, bob, Duration.ofSeconds(60));
            long aliceBefore = alice.join("@alice").getJsonNumber("seq").longValue();
            long bobBefore = bob.join("@bob").getJsonNumber("seq").longValue();

            String id = Cluster.freshRoom("dm"); // inboxes keep earlier runs' messages: a unique id
            JsonObject ack = alice.direct("bob", id, "psst");
            assertEquals("@alice", ack.getString("room"));
            assertEquals(aliceBefore + 1, ack.getJsonNumber("seq").longValue());
            JsonObject atBob = bob.next(f -> "message".equals(f.getString("type")) && id.equals(f.getString("id")),
                    "the direct message");
            assertEquals(List.of("@bob", "alice", "bob", "psst", bobBefore + 1), List.of(atBob.getString("room"), atBob
                    .getString("from"), atBob.getString("to"), atBob.getString("text"),
                    atBob.getJsonNumber("seq")
                            .longValue()));
            JsonObject copy = alice.next(f -> "message".equals(f.getString("type")) && id.equals(f.getString("id")),
                    "the sender's copy");
            assertEquals(List.of("@alice", "bob"), List.of(copy.getString("room"), copy.getString("to")));
        }
    }

    @Test
    void onlyTheOwnerMayJoinOrReadAnInbox() throws Exception {
        try (ChatClient carol = login(node1(), "carol")) {
            carol.connect();
            JsonObject refused = carol.join("@bob");
            assertEquals("forbidden", refused.getString("code"), refused.toString());
            carol.send(Json.createObjectBuilder().add("type", "history").add("room", "@bob").build());
            assertEquals("forbidden", carol.next("error").getString("code"));
            assertEquals(403, carol.get("api/rooms/@bob/messages").statusCode());
            assertEquals(200, carol.get("api/rooms/@carol/messages").statusCode());
            assertEquals("invalid_room", carol.say("@carol", "x-1", "not like this").getString("code"));
        }
    }

    @Test
    void presenceTypingAndMembersAcrossNodes() throws Exception {
        String room = Cluster.freshRoom("presence");
        try (ChatClient dave = login(node1(), "dave"); ChatClient carol = login(node2(), "carol")) {
            dave.connect();
            carol.connect();
            Conversations.awaitClusterCarries(dave, carol, Duration.ofSeconds(60));
            assertEquals(List.of("dave"), members(dave.join(room)));
            assertEquals(List.of("carol", "dave"), members(carol.join(room)));
            assertEquals(presence(room, "carol", "online"), dave.next(f -> "presence".equals(f.getString("type"))
                    && room.equals(f.getString("room")) && "carol".equals(f.getString("user")), "carol online"));

            carol.send(Json.createObjectBuilder().add("type", "typing").add("room", room).build());
            JsonObject typing = dave.next("typing");
            assertEquals("carol", typing.getString("user"));

            // A second connection of carol's: no new "online"; closing one of two: no "offline".
            ChatClient carolAgain = carol.on(node1());
            carolAgain.connect();
            carolAgain.join(room);
            carolAgain.close();
            carol.send(Json.createObjectBuilder().add("type", "leave").add("room", room).build());
            carol.next("left");
            assertEquals(presence(room, "carol", "offline"), dave.next(f -> "presence".equals(f.getString("type"))
                    && room.equals(f.getString("room")) && "carol".equals(f.getString("user")), "carol offline"));
            dave.send(Json.createObjectBuilder().add("type", "ping").build());
            dave.next("pong");
            long carolPresence = dave.seen().stream()
                    .filter(f -> "presence".equals(f.getString("type")) && room.equals(f
                            .getString("room")) && "carol".equals(f.getString("user")))
                    .count();
            assertEquals(2, carolPresence, "exactly one online and one offline for carol: " + dave.seen());
            try (ChatClient bob = login(node2(), "bob")) {
                bob.connect();
                assertEquals(List.of("bob", "dave"), members(bob.join(room)), "carol left, bob came");
            }
        }
    }

    private static List<String> members(JsonObject joined) {
        return joined.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream().map(
                jakarta.json.JsonString::getString).toList();
    }

    private static JsonObject presence(String room, String user, String status) {
        return Json.createObjectBuilder().add("type", "presence").add("room", room).add("user", user).add("status",
                status).build();
    }
}
