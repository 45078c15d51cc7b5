package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading is closed with 1013 once its unsent bytes pass {@code chorus.send-buffer-bytes} (256 KiB
 * in this deployment), and while it hangs the other clients' p99 latency stays within 2x of the same load with a reader
 * that reads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowReaderIT extends ClusterNodes {

    private static final Map<String, String> SETTINGS = Map.of("chorus.send-buffer-bytes", "262144");
    private static final Duration PHASE = Duration.ofSeconds(8);
    private static final String BIG = "\ud83d\ude00".repeat(3990); // about 16 KB of UTF-8

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
    void aClientThatStopsReadingIsClosedWith1013AndTheOthersKeepTheirLatency() throws Exception {
        String bigRoom = Cluster.freshRoom("big");
        String smallRoom = Cluster.freshRoom("small");
        ChatClient alice = login(node2(), "alice");
        ChatClient bob = login(node2(), "bob");
        ChatClient carol = login(node1(), "carol");
        ChatClient dave = login(node1(), "dave");
        for (ChatClient c : List.of(alice, bob, carol, dave)) {
            c.connect();
        }
        Conversations.awaitClusterCarries(alice, dave, Duration.ofSeconds(60));
        alice.join(bigRoom);
        bob.join(bigRoom);
        carol.join(smallRoom);
        dave.join(bigRoom);
        dave.join(smallRoom);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong smallSeen = new AtomicLong();
        dave.onArrival(f -> {
            if ("message".equals(f.getString("type")) && smallRoom.equals(f.getString("room"))) {
                long sent = Long.parseLong(f.getString("text").substring(2));
                latencies.add((System.nanoTime() - sent) / 1000);
                smallSeen.set(f.getJsonNumber("seq").longValue());
            }
        });

        ChatClient reader = login(node1(), "admin");
        reader.connect();
        reader.join(bigRoom);
        long baseline = p99(load(alice, bob, carol, bigRoom, smallRoom, latencies, smallSeen));

        RawWebSocket slow = RawWebSocket.open(node1(), reader.sessionCookie());
        // Joined after what is stored (no replay): what fills its queue is the live traffic of the next phase.
        slow.sendText("{\"type\":\"join\",\"room\":\"" + bigRoom + "\",\"since\":" + latest(reader, bigRoom) + "}");
        reader.close();
        List<Long> during = load(alice, bob, carol, bigRoom, smallRoom, latencies, smallSeen);
        long withSlowReader = p99(during);
        int[] closed = slow.drainUntilClose();
        slow.close();
        System.out.printf("other clients' p99 latency: %d us with a reading client, %d us with one that stopped"
                + " reading (%d samples each); the slow reader got %d frames before its close %d%n", baseline,
                withSlowReader, during.size(), closed[1], closed[0]);
        assertEquals(1013, closed[0], "the slow reader's close code");
        assertTrue(withSlowReader <= 2 * baseline, "p99 " + withSlowReader + " us against " + baseline + " us");
        for (ChatClient c : List.of(alice, bob, carol, dave)) {
            c.close();
        }
    }

    /** One phase: alice and bob send 16 KB messages, carol small timestamped ones; dave's latencies of those. */
    private static List<Long> load(ChatClient alice, ChatClient bob, ChatClient carol, String bigRoom,
            String smallRoom, List<Long> latencies, AtomicLong smallSeen) throws Exception {
        latencies.clear();
        List<SteadySender> senders = List.of(SteadySender.start(alice, bigRoom, Duration.ofMillis(50), n -> BIG + n),
                SteadySender.start(bob, bigRoom, Duration.ofMillis(50), n -> BIG + n), SteadySender.start(carol,
                        smallRoom, Duration.ofMillis(50), n -> "t=" + System.nanoTime()));
        senders.get(2).sendsAtLeast(PHASE.toMillis() / 100, PHASE.plusSeconds(10)); // warmed up
        latencies.clear();
        long end = System.nanoTime() + PHASE.toNanos();
        while (System.nanoTime() < end) {
            senders.get(2).sendsAtLeast(senders.get(2).sent() + 1, Duration.ofSeconds(10));
        }
        senders.get(0).stop();
        senders.get(1).stop();
        long lastSmall = senders.get(2).stop();
        // Every small message of the phase has reached dave (each one's latency is in): until its last seq did.
        long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
        while (smallSeen.get() < lastSmall) {
            assertTrue(System.nanoTime() < deadline, "dave saw seq " + smallSeen.get() + " of " + lastSmall);
            Thread.sleep(20);
        }
        return new ArrayList<>(latencies);
    }

    private static long latest(ChatClient client, String room) throws Exception {
        var answer = client.get("api/rooms/" + room + "/messages?limit=1");
        assertEquals(200, answer.statusCode(), answer.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject().getJsonArray(
                "messages").getJsonObject(0).getJsonNumber("seq").longValue();
    }

    private static long p99(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
