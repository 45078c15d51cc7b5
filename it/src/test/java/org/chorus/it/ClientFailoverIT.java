package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.chorus.client.Ack;
import org.chorus.client.ChatMessage;
import org.chorus.client.ChorusClient;
import org.chorus.client.ConnectionEvent;
import org.chorus.client.ConnectionState;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client library through a kill -9: two clients stream into one room, one of them on the server that is
 * killed; its {@link ChorusClient} reconnects on its own to the other server, resumes, and its listener has every
 * message of the room once and in order, its own sends (some unacknowledged at the kill) each stored once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientFailoverIT extends ManualServers {

    private static final Duration PACE = Duration.ofMillis(100);
    private static final int BEFORE = 30;
    private static final int AFTER = 30;

    @Test
    void aLibraryClientOfAKilledServerReportsEveryMessageOnceAndInOrder() throws Exception {
        up();
        String room = Cluster.freshRoom("library");
        List<ChatMessage> heard = Collections.synchronizedList(new ArrayList<>());
        List<ConnectionEvent> events = Collections.synchronizedList(new ArrayList<>());
        AtomicLong resumedAt = new AtomicLong();
        Consumer<ConnectionEvent> carolsEvents = event -> {
            if (event.state() == ConnectionState.RESUMED) {
                resumedAt.compareAndSet(0, System.nanoTime());
            }
            events.add(event);
        };
        try (ChorusClient carol = client("carol", carolsEvents, NODE_1.resolve("/"), NODE_2.resolve("/"));
                ChorusClient alice = client("alice", e -> {
                }, NODE_2.resolve("/"))) {
            carol.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
            alice.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
            carol.join(room, heard::add).toCompletableFuture().get(30, TimeUnit.SECONDS);
            alice.join(room, m -> {
            }).toCompletableFuture().get(30, TimeUnit.SECONDS);
            awaitHeardFrom(alice, carol, room, heard);

            Stream both = new Stream(room, carol, alice);
            both.run(BEFORE);
            Crash.kill(Cluster.NODE_1);
            long killed = System.nanoTime();
            both.run(AFTER); // carol's sends queue up while she reconnects
            Map<String, Ack> acks = both.acks(Duration.ofSeconds(60));
            ConnectionEvent resumed = awaitState(events, ConnectionState.RESUMED, Duration.ofSeconds(60));
            System.out.printf("library client resumed on %s %d ms after the kill, at attempt %d%n", resumed.node(),
                    Duration.ofNanos(resumedAt.get() - killed).toMillis(), resumed.attempt());
            assertEquals("node-2", resumed.node());

            long last = acks.values().stream().mapToLong(Ack::seq).max().orElseThrow();
            List<ChatMessage> all = awaitSeq(heard, last, Duration.ofSeconds(30));
            long first = all.get(0).seq();
            assertEquals(LongStream.rangeClosed(first, last).boxed().toList(), all.stream().map(ChatMessage::seq)
                    .toList(), "every message once, in order, across the crash");
            Map<String, Long> stored = all.stream().collect(Collectors.groupingBy(ChatMessage::id, Collectors
                    .counting()));
            acks.forEach((id, ack) -> assertEquals(1L, stored.getOrDefault(id, 0L), "send " + id
                    + " stored exactly once"));
            assertEquals(2 * (BEFORE + AFTER), acks.size(), "every send acknowledged");
        }
    }

    /** Carol and alice each send one message per {@link #PACE}, without waiting for acks; acks are collected. */
    private record Stream(String room, List<ChorusClient> senders, List<CompletableFuture<Ack>> sent) {

        Stream(String room, ChorusClient... senders) {
            this(room, List.of(senders), new ArrayList<>());
        }

        void run(int rounds) throws InterruptedException {
            for (int i = 0; i < rounds; i++) {
                for (ChorusClient sender : senders) {
                    sent.add(sender.send(room, "steady " + sent.size()).toCompletableFuture());
                }
                Thread.sleep(PACE.toMillis()); // the pace of the stream, not a wait for a result
            }
        }

        /** Every send's ack, by client id; fails when one did not come within {@code limit}. */
        Map<String, Ack> acks(Duration limit) throws Exception {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(limit.toSeconds(), TimeUnit.SECONDS);
            return sent.stream().map(CompletableFuture::join).collect(Collectors.toMap(Ack::id, Function.identity()));
        }
    }

    private static ChorusClient client(String user, Consumer<ConnectionEvent> events, URI first, URI... others) {
        return ChorusClient.builder(first, others).credentials(user, Cluster.PASSWORD).onState(events).backoff(
                Duration.ofMillis(100), Duration.ofSeconds(2)).build();
    }

    /** Waits until a message from {@code sender} reached {@code reader}: the topic carries between the two nodes. */
    private static void awaitHeardFrom(ChorusClient sender, ChorusClient reader, String room, List<ChatMessage> heard)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Ack ack = sender.send(room, "is the cluster up?").toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (poll(() -> heard.stream().anyMatch(m -> m.id().equals(ack.id())), Duration.ofSeconds(2))) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "no message crossed between the nodes within 60 s");
        }
    }

    private static ConnectionEvent awaitState(List<ConnectionEvent> events, ConnectionState state, Duration limit)
            throws InterruptedException {
        assertTrue(poll(() -> events.stream().anyMatch(e -> e.state() == state), limit), "no " + state + " within "
                + limit + ": " + events);
        return events.stream().filter(e -> e.state() == state).findFirst().orElseThrow();
    }

    private static List<ChatMessage> awaitSeq(List<ChatMessage> heard, long seq, Duration limit)
            throws InterruptedException {
        poll(() -> heard.stream().anyMatch(m -> m.seq() >= seq), limit);
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    /** Polls every 20 ms until the condition holds or the limit passes; whether it held. */
    private static boolean poll(BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Nothing left deployed, both servers stopped, whatever happened (node-1 was killed). */
    @AfterEach
    void cleanUp() {
        clean(Set.of(Cluster.NODE_1));
    }
}
