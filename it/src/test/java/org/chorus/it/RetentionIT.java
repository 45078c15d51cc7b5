package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * History retention on the real store, with {@code chorus.history.retain} below the 16 seqs at which the room's bound
 * is raised (the case where a seq used to be taken twice): older messages leave the history cache on both servers, a
 * join from the start says {@code truncated} and replays only what is kept, and seqs go on without reuse.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT extends ClusterNodes {

    private static final int RETAIN = 10;
    private static final int SENT = 80;
    /** How often the room's bound is raised (MessageLog.RAISE_EVERY): removal trails the bound by up to this. */
    private static final int RAISE_EVERY = 16;
    /** MessageLog.KEEP_BELOW_BOUND: removal stops this far below the bound, for writers that read the one before. */
    private static final int KEEP_BELOW_BOUND = 2 * RAISE_EVERY;
    /** Every seq at or below this has left the store once the last bound is raised. */
    private static final int GONE = SENT - Math.max(RETAIN, KEEP_BELOW_BOUND) - RAISE_EVERY;
    private static final Map<String, String> SETTINGS = Map.of("chorus.history.retain", Integer.toString(RETAIN));

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(SETTINGS, StoreProbe.class);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(SETTINGS, StoreProbe.class);
    }

    @Test
    void onlyTheLastMessagesAreKeptAndSeqsAreNeverTakenTwice() throws Exception {
        String room = Cluster.freshRoom("retain");
        try (ChatClient alice = login(node1(), "alice");
                ChatClient bob = login(node2(), "bob");
                ChatClient carol = login(node1(), "carol")) {
            alice.connect();
            bob.connect();
            alice.join(room);
            bob.join(room);
            for (int i = 1; i <= SENT; i++) {
                ChatClient sender = i % 2 == 0 ? alice : bob; // from both servers
                JsonObject ack = sender.say(room, room + "-" + i, "message " + i);
                assertEquals(i, ack.getJsonNumber("seq").longValue(), "seq " + i + ", not one taken before: " + ack);
            }

            for (URI node : List.of(node1(), node2())) {
                List<Long> kept = keptOnceRemovalsSettle(node, room);
                long oldest = kept.get(0);
                assertEquals(LongStream.rangeClosed(oldest, SENT).boxed().toList(), kept, "a contiguous tail");
                assertTrue(oldest <= SENT - RETAIN + 1, "the last " + RETAIN + " are kept: " + kept);
                assertTrue(oldest > GONE, "older ones left the store: " + kept);
            }

            carol.connect();
            JsonObject joined = carol.join(room, 0);
            assertEquals(SENT, joined.getJsonNumber("seq").longValue());
            assertTrue(joined.getBoolean("truncated"), "history no longer reaches back to seq 1");
            List<JsonObject> replay = carol.messages(room, RETAIN, ChatClient.TIMEOUT);
            assertEquals(LongStream.rangeClosed(SENT - RETAIN + 1, SENT).boxed().toList(), replay.stream().map(
                    m -> m.getJsonNumber("seq").longValue()).toList(), "the replay is what is kept");
            JsonObject page = Json.createReader(new StringReader(carol.get("api/rooms/" + room + "/messages?limit=200")
                    .body())).readObject();
            assertEquals(SENT - RETAIN + 1, page.getJsonArray("messages").getJsonObject(0).getInt("seq"));
            assertFalse(page.getBoolean("more"));

            assertEquals(SENT + 1, carol.say(room, Cluster.freshId("after"), "the sequence goes on").getInt("seq"));
        }
    }

    /** The seqs the history cache holds on {@code node}, once the asynchronous removals have reached it. */
    private static List<Long> keptOnceRemovalsSettle(URI node, String room) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> kept;
        while (true) {
            String body = ChatClient.anonymous(node).get("test/store?room=" + room + "&to=" + SENT).body();
            kept = Json.createReader(new StringReader(body)).readObject().getJsonArray("present").getValuesAs(
                    JsonNumber.class).stream().map(JsonNumber::longValue).toList();
            if (kept.get(0) > GONE || System.nanoTime() > deadline) {
                return kept;
            }
            Thread.sleep(100);
        }
    }
}
