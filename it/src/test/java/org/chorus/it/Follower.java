package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.chorus.client.ChatMessage;
import org.chorus.client.ChorusClient;
import org.chorus.client.ConnectionState;

/**
 * A subscribed client of a node of the ./chorus up domain that is about to crash, on the Java client library: logged in
 * on that node, with the balancer as its other address, so that it reconnects through the balancer by itself from the
 * moment its connection drops, and resumes.
 */
public final class Follower {

    private final ChorusClient client;
    private final List<ChatMessage> heard = new ArrayList<>();
    private final CompletableFuture<String> resumed = new CompletableFuture<>();
    private volatile long resumedAt;
    private long lastSeen;

    private Follower(URI node, URI entry, String user) {
        // Retries at most a second apart (full jitter): back within the presence grace of 5 s once the balancer serves.
        client = ChorusClient.builder(node.resolve("/"), entry.resolve("/")).credentials(user, Credentials
                .runCommand().of(user)).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).onState(event -> {
                    if (event.state() == ConnectionState.RESUMED && !resumed.isDone()) {
                        resumedAt = System.nanoTime();
                        resumed.complete(event.node());
                    }
                }).build();
    }

    /** A client of {@code user} on {@code node}, joined to {@code room}, that reconnects through {@code entry}. */
    static Follower on(URI node, URI entry, String user, String room) throws Exception {
        Follower follower = new Follower(node, entry, user);
        follower.client.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
        follower.client.join(room, follower::heard).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return follower;
    }

    private synchronized void heard(ChatMessage message) {
        heard.add(message);
        notifyAll();
    }

    /** Waits until {@code count} messages arrived; the last of them is what it had seen before the crash. */
    synchronized void heardAtLeast(int count, Duration limit) throws InterruptedException {
        awaitHeard(count, limit);
        lastSeen = heard.get(heard.size() - 1).seq();
    }

    /**
     * Waits until the client resumed on {@code node} and the message with client id {@code after} (sent after the kill)
     * arrived; checks that every message it heard came once and in order, and returns the ms from {@code killed} to its
     * {@code RESUMED}.
     */
    long resumedOn(String node, long killed, String after) throws Exception {
        assertEquals(node, resumed.get(25, TimeUnit.SECONDS), "resumed through the balancer on the live node");
        synchronized (this) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heard.stream().noneMatch(m -> m.id().equals(after))) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "no message " + after + " within 10 s of the resume");
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            long first = heard.get(0).seq();
            assertTrue(first <= lastSeen, "heard from before the crash on");
            assertEquals(LongStream.range(first, first + heard.size()).boxed().toList(), heard.stream().map(
                    ChatMessage::seq).toList(), "every message once and in order across the crash");
            return Duration.ofNanos(resumedAt - killed).toMillis();
        }
    }

    private void awaitHeard(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (heard.size() < count) {
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, "only " + heard.size() + " of " + count + " messages within " + limit);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Closes the client (its user goes offline). */
    void close() {
        client.close();
    }
}
