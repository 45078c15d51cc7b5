package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transport itself no longer cuts a reader: with the heartbeat switched off ({@code chorus.ping-interval-ms=0}), so
 * that no pong ever flows, a client that only receives stays connected past the HTTP listener's 90 s read timeout,
 * which Undertow applied to upgraded connections until {@code config/} gave WebSockets none of their own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoHeartbeatIT extends ClusterNodes {

    /** The HTTP listener's read-timeout default in WildFly 39 is 90 s. */
    private static final Duration PAST_READ_TIMEOUT = Duration.ofSeconds(100);
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final Map<String, String> SETTINGS = Map.of("chorus.ping-interval-ms", "0");

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(SETTINGS);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(SETTINGS);
    }

    @Test
    void aReaderWithoutPingsOutlivesTheListenersReadTimeout() throws Exception {
        String room = Cluster.freshRoom("no-heartbeat");
        try (ChatClient reader = login(node1(), "alice");
                ChatClient talker = login(node2(), "bob")) {
            assertNull(reader.connect().get("heartbeat"), "the welcome announces no heartbeat");
            talker.connect();
            reader.join(room);
            talker.join(room);
            int planned = (int) (PAST_READ_TIMEOUT.toSeconds() / EVERY.toSeconds());
            Conversations.talk(talker, room, "nh", EVERY, planned);
            assertFalse(reader.closed().isDone(), () -> "the reader was closed with " + reader.closed().getNow(null)
                    + " within " + PAST_READ_TIMEOUT);
            List<JsonObject> got = reader.messages(room, planned, ChatClient.TIMEOUT);
            for (int i = 0; i < planned; i++) {
                assertEquals(i + 1, got.get(i).getJsonNumber("seq").longValue(), "seq " + (i + 1));
            }
            assertEquals(0, reader.pings(), "no pings");
        }
    }
}
