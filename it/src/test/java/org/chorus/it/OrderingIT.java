package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrent senders on both nodes, parallel message-driven beans: every receiver sees every message of the room once,
 * in seq order, gap-free from 1, and each message has the same seq everywhere.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderingIT extends TwoNodes {

    private static final int PER_SENDER = 100;
    private static final long PACE_MS = 55;

    @Test
    void twoSendersPerNodeAndAReceiverOnEachNodeSeeOneGapFreeOrder() throws Exception {
        String room = Cluster.freshRoom("order");
        List<ChatClient> senders = List.of(login(node1(), "alice"), login(node1(), "bob"), login(node2(), "carol"),
                login(node2(), "dave"));
        ChatClient receiver1 = login(node1(), "admin");
        ChatClient receiver2 = login(node2(), "admin");
        List<ChatClient> all = new ArrayList<>(senders);
        all.add(receiver1);
        all.add(receiver2);
        try {
            for (ChatClient client : all) {
                client.connect();
            }
            Conversations.awaitClusterCarries(senders.get(0), senders.get(2), Duration.ofSeconds(60));
            for (ChatClient client : all) {
                assertEquals(0, client.join(room).getInt("seq"), "a fresh room");
            }

            ExecutorService pool = Executors.newFixedThreadPool(senders.size());
            List<Future<Map<String, Long>>> acks = new ArrayList<>();
            for (int s = 0; s < senders.size(); s++) {
                ChatClient sender = senders.get(s);
                String prefix = room + "-s" + s + "-";
                acks.add(pool.submit(() -> sendAll(sender, room, prefix)));
            }
            Map<String, Long> ackedSeqs = new LinkedHashMap<>();
            for (Future<Map<String, Long>> f : acks) {
                ackedSeqs.putAll(f.get());
            }
            pool.shutdown();

            int total = senders.size() * PER_SENDER;
            Map<String, Long> seen1 = idToSeq(receiver1.messages(room, total, Duration.ofSeconds(60)));
            Map<String, Long> seen2 = idToSeq(receiver2.messages(room, total, Duration.ofSeconds(60)));
            List<Long> oneToTotal = LongStream.rangeClosed(1, total).boxed().toList();
            assertEquals(oneToTotal, List.copyOf(seen1.values()), "node-1's receiver: seq 1.." + total + " in order");
            assertEquals(oneToTotal, List.copyOf(seen2.values()), "node-2's receiver: seq 1.." + total + " in order");
            assertEquals(seen1, seen2, "the same id has the same seq on both nodes");
            assertEquals(new java.util.TreeMap<>(ackedSeqs), new java.util.TreeMap<>(seen1),
                    "every ack names the seq delivered");
        } finally {
            all.forEach(ChatClient::close);
        }
    }

    /**
     * Sends without waiting for acks, every {@value #PACE_MS} ms (under the per-user rate limit of 20 per second), then
     * collects the acks: id to acked seq.
     */
    private static Map<String, Long> sendAll(ChatClient sender, String room, String prefix) throws Exception {
        for (int i = 0; i < PER_SENDER; i++) {
            sender.send(jakarta.json.Json.createObjectBuilder().add("type", "send").add("room", room).add("id", prefix
                    + i).add("text", "message " + i + " from " + prefix).build());
            Thread.sleep(PACE_MS);
        }
        Map<String, Long> acked = new LinkedHashMap<>();
        for (int i = 0; i < PER_SENDER; i++) {
            JsonObject ack = sender.next("ack");
            acked.put(ack.getString("id"), ack.getJsonNumber("seq").longValue());
        }
        return acked;
    }

    private static Map<String, Long> idToSeq(List<JsonObject> messages) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (JsonObject m : messages) {
            if (map.put(m.getString("id"), m.getJsonNumber("seq").longValue()) != null) {
                throw new AssertionError("delivered twice: " + m);
            }
        }
        return map;
    }
}
