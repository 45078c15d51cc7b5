package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.chorus.client.Ack;
import org.chorus.client.ChatMessage;
import org.chorus.client.ChorusClient;
import org.chorus.client.ConnectionState;

/**
 * A library client of one lab host that follows the protocol's failover steps by itself (the balancer as its other
 * address), joined to one room: what it heard, what its sends were acked as, and when it resumed.
 */
final class LabMember implements AutoCloseable {

    private final ChorusClient client;
    private final String room;
    private final List<ChatMessage> heard = new ArrayList<>();
    private final Map<String, CompletableFuture<Ack>> sends = new ConcurrentHashMap<>();
    private final CompletableFuture<String> resumed = new CompletableFuture<>();
    private volatile long resumedAt;

    private LabMember(URI node, URI balancer, String user, String password, String room) {
        this.room = room;
        // Sends held up while a cut host is not yet suspected (up to 10 s) go out together afterwards, more than the
        // user's burst of 40: rate_limited is retried until the budget refills, as the protocol asks.
        client = ChorusClient.builder(node, balancer).credentials(user, password).backoff(Duration.ofMillis(100),
                Duration.ofSeconds(1)).retries(40).onState(event -> {
                    if (event.state() == ConnectionState.RESUMED && !resumed.isDone()) {
                        resumedAt = System.nanoTime();
                        resumed.complete(event.node());
                    }
                }).build();
    }

    /** A client of {@code user} connected to {@code node} and joined to {@code room}. */
    static LabMember join(URI node, URI balancer, String user, String password, String room) throws Exception {
        LabMember member = new LabMember(node, balancer, user, password, room);
        member.client.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
        member.client.join(room, member::heard).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return member;
    }

    private synchronized void heard(ChatMessage message) {
        heard.add(message);
        notifyAll();
    }

    /** Sends without waiting for the ack (the library re-sends it after a failover until it is acked). */
    void send(String id) {
        sends.put(id, client.send(room, id, "lab " + id).toCompletableFuture());
    }

    /** Every send's ack, waiting up to {@code limit} for the last of them. */
    Map<String, Ack> acks(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, Ack> acks = new ConcurrentHashMap<>();
        for (var send : sends.entrySet()) {
            acks.put(send.getKey(), send.getValue().get(Math.max(1, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS));
        }
        return acks;
    }

    /** Waits until a message with seq {@code seq} or later arrived. */
    synchronized void awaitSeq(long seq, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (heard.isEmpty() || heard.get(heard.size() - 1).seq() < seq) {
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, "seq " + seq + " within " + limit + "; heard up to " + (heard.isEmpty()
                    ? "nothing"
                    : heard.get(heard.size() - 1).seq()));
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every message heard so far, checked to be once each and in order (consecutive seqs, each id once). */
    synchronized List<ChatMessage> heardInOrder() {
        if (!heard.isEmpty()) {
            long first = heard.get(0).seq();
            assertEquals(LongStream.range(first, first + heard.size()).boxed().toList(), heard.stream().map(
                    ChatMessage::seq).toList(), "every message once and in order");
            List<String> ids = heard.stream().map(ChatMessage::id).toList();
            assertEquals(ids.size(), Set.copyOf(ids).size(), "no send stored twice (one id at two seqs): " + ids);
        }
        return List.copyOf(heard);
    }

    /** The node it resumed on, and the ms from {@code since} (System.nanoTime) to that. */
    String resumedOn(Duration limit) throws Exception {
        return resumed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    long msToResume(long since) {
        return Duration.ofNanos(resumedAt - since).toMillis();
    }

    @Override
    public void close() {
        client.close();
    }
}
