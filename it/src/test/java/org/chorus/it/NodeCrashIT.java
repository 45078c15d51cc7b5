package org.chorus.it;

import static org.chorus.it.Conversations.awaitClusterCarries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the server of a subscribed client while another client keeps sending: the client resumes on the other
 * server with its cookie and token and sees every message of its room once and in order; its unacknowledged send,
 * re-sent, is stored once. Runs in its own Failsafe execution, which starts the servers in manual mode.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeCrashIT extends ManualServers {

    @Test
    void theClientOfAKilledServerResumesOnTheOtherWithEveryMessageOnceAndInOrder() throws Exception {
        up();
        String room = Cluster.freshRoom("crash");
        try (ChatClient carol = ChatClient.login(NODE_1, "carol", Cluster.PASSWORD);
                ChatClient alice = ChatClient.login(NODE_2, "alice", Cluster.PASSWORD)) {
            String token = carol.connect().getString("resume");
            alice.connect();
            String warmup = awaitClusterCarries(alice, carol, Duration.ofSeconds(60));
            carol.join(room);
            alice.join(room);
            SteadySender sender = SteadySender.start(alice, room, Duration.ofMillis(100));
            List<JsonObject> seen = new ArrayList<>(carol.messages(room, 5, ChatClient.TIMEOUT));
            long lastSeen = seen.get(seen.size() - 1).getJsonNumber("seq").longValue();
            String unacked = Cluster.freshRoom("unacked");
            carol.send(Json.createObjectBuilder().add("type", "send").add("room", room).add("id", unacked).add("text",
                    "sent as node-1 died").build());

            Crash.kill(Cluster.NODE_1);
            long killed = System.nanoTime();
            ChatClient resumed = carol.on(NODE_2);
            JsonObject welcome = retrying(() -> resumed.connect(token), Duration.ofSeconds(30));
            assertTrue(welcome.getBoolean("resumed"), welcome.toString());
            assertEquals(Set.of(warmup, room), Set.copyOf(welcome.getJsonArray("rooms").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList()), "her rooms are restored");
            resumed.join(room, lastSeen);
            seen.addAll(resumed.messages(room, 1, ChatClient.TIMEOUT));
            System.out.printf("carol resumed on node-2, first missed message %d ms after the kill%n",
                    Duration.ofNanos(System
                            .nanoTime() - killed).toMillis());
            JsonObject ack = resumed.say(room, unacked, "sent as node-1 died");
            assertEquals("ack", ack.getString("type"), ack.toString());

            sender.sendsAtLeast(sender.sent() + 10, Duration.ofSeconds(30));
            long last = sender.stop();
            long received = seen.get(seen.size() - 1).getJsonNumber("seq").longValue();
            seen.addAll(resumed.messages(room, (int) (last - received), ChatClient.TIMEOUT));
            assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), seen.stream().map(m -> m.getJsonNumber(
                    "seq").longValue()).toList(), "every message once, in order, across the crash");
            assertEquals(1, seen.stream().filter(m -> unacked.equals(m.getString("id"))).count(),
                    "the re-sent message is stored once");
            resumed.close();
        }
    }

    /** Nothing left deployed, both servers stopped, whatever happened (node-1 was killed). */
    @AfterEach
    void cleanUp() {
        clean(Set.of(Cluster.NODE_1));
    }
}
