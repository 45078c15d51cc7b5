package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the server of a plain Jakarta WebSocket endpoint's connection ({@link CounterEndpoint}): the client
 * reconnects to the other server with its cookie and {@code ?resume=TOKEN}, and the endpoint reads there, from
 * {@code Session.getUserProperties()} before its first handler, the counter, the draft and the application-typed note
 * it had put on the killed one (the deployment's filter allows {@code org.chorus.it}); the value that does not
 * serialize stayed behind. In the manual-mode execution, like {@link NodeCrashIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserPropertiesFailoverIT extends ManualServers {

    @Test
    void valuesPutBeforeAKillAreInTheUserPropertiesOfTheConnectionResumedOnTheOtherServer() throws Exception {
        up();
        try (ChatClient alice = ChatClient.login(NODE_1, "alice", Cluster.PASSWORD)) {
            String token = UserPropertiesIT.tokenOf(alice.open(CounterEndpoint.RELATIVE));
            for (int i = 0; i < 3; i++) {
                alice.ask("inc", "state");
            }
            alice.ask("draft:dear all, the build", "state");
            alice.ask("note:an application type, allowed here", "state");
            JsonObject before = alice.ask("local", "state");
            assertEquals(3, before.getInt("count"), before.toString());

            Crash.kill(Cluster.NODE_1);
            ChatClient onNode2 = alice.on(NODE_2);
            JsonObject opened = retrying(() -> onNode2.open(CounterEndpoint.RELATIVE + "?resume=" + token), Duration
                    .ofSeconds(30));
            assertTrue(opened.getBoolean("resumed"), opened.toString());
            assertEquals(token, opened.getString("resume"), "the same token serves the next reconnect");
            assertEquals(3, opened.getInt("count", -1), "the counter, in the map before the first handler: " + opened);
            assertEquals("dear all, the build", opened.getString("draft", null), opened.toString());
            assertEquals("an application type, allowed here", opened.getString("note", null), opened.toString());
            assertFalse(opened.getBoolean("local"), "what does not serialize stayed on the killed server: " + opened);
            assertEquals(4, onNode2.ask("inc", "state").getInt("count"), "the endpoint goes on from the values");
            onNode2.close();
        }
    }

    /** Nothing left deployed, both servers stopped, whatever happened (node-1 was killed). */
    @AfterEach
    void cleanUp() {
        clean(Set.of(Cluster.NODE_1));
    }
}
