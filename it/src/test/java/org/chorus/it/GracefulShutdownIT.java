package org.chorus.it;

import static org.chorus.it.Conversations.awaitClusterCarries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The graceful ways a server goes: when its deployment is removed, and when the server is stopped, every client of it
 * is told to go elsewhere with 1001, and reconnects to the other server with its cookie and token: resumed, its rooms
 * listed, and {@code join since} brings exactly what was said meanwhile. In the manual-mode execution, like
 * {@link NodeCrashIT}: the test deploys, undeploys, starts and stops the servers itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GracefulShutdownIT extends ManualServers {

    private static final int GOING_AWAY = 1001;

    @Test
    void clientsOfAnUndeployedOrStoppedServerAreToldToGoAndResumeOnTheOther() throws Exception {
        up();
        String room = Cluster.freshRoom("graceful");
        try (ChatClient alice = ChatClient.login(NODE_1, "alice", Cluster.PASSWORD);
                ChatClient bob = ChatClient.login(NODE_2, "bob", Cluster.PASSWORD)) {
            String token = alice.connect().getString("resume");
            bob.connect();
            awaitClusterCarries(bob, alice, Duration.ofSeconds(60));
            alice.join(room);
            bob.join(room);
            say(bob, room, 1, 2);
            alice.messages(room, 2, ChatClient.TIMEOUT);

            undeploy(Cluster.DEPLOYMENT_1);
            assertEquals(GOING_AWAY, alice.closed().get(10, TimeUnit.SECONDS), "undeployed: go elsewhere");
            say(bob, room, 3, 4);
            ChatClient onNode2 = alice.on(NODE_2);
            resumeSince(onNode2, token, room, 2, 4);

            deploy(Cluster.DEPLOYMENT_1);
            try (ChatClient carol = ChatClient.login(NODE_1, "carol", Cluster.PASSWORD)) {
                carol.connect();
                awaitClusterCarries(carol, onNode2, Duration.ofSeconds(60));
                carol.join(room);
                servers.stop(Cluster.NODE_2);
                assertEquals(GOING_AWAY, onNode2.closed().get(10, TimeUnit.SECONDS), "stopped: go elsewhere");
                assertEquals(GOING_AWAY, bob.closed().get(10, TimeUnit.SECONDS), "every client of the server");
                say(carol, room, 5, 6);
                resumeSince(alice.on(NODE_1), token, room, 4, 6).close();
            }
        }
    }

    private static void say(ChatClient client, String room, int first, int last) throws Exception {
        for (int i = first; i <= last; i++) {
            JsonObject ack = client.say(room, room + "-" + i, "message " + i);
            assertEquals(i, ack.getInt("seq"), ack.toString());
        }
    }

    /** Resumes {@code token} and checks that {@code join since} brings exactly the seqs after {@code since}. */
    private static ChatClient resumeSince(ChatClient client, String token, String room, long since, long latest)
            throws Exception {
        JsonObject welcome = client.connect(token);
        assertTrue(welcome.getBoolean("resumed"), welcome.toString());
        assertTrue(welcome.getJsonArray("rooms").getValuesAs(JsonString.class).stream().anyMatch(r -> room.equals(r
                .getString())), "the room is listed: " + welcome);
        assertEquals(latest, client.join(room, since).getJsonNumber("seq").longValue());
        assertEquals(LongStream.rangeClosed(since + 1, latest).boxed().toList(), client.messages(room, (int) (latest
                - since), ChatClient.TIMEOUT).stream().map(m -> m.getJsonNumber("seq").longValue()).toList());
        return client;
    }

    /** Nothing left deployed, both servers stopped, whatever happened. */
    @AfterEach
    void cleanUp() {
        clean(Set.of());
    }
}
