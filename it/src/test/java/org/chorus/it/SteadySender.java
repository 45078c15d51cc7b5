package org.chorus.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;

/**
 * A client sending to a room at a steady pace on a thread of its own until stopped, each message after the previous
 * one's ack: the traffic a crash test runs under.
 */
public final class SteadySender {

    private final ChatClient client;
    private final String room;
    private final Duration pause;
    private final java.util.function.LongFunction<String> text;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lastSeq = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean stopping;

    private SteadySender(ChatClient client, String room, Duration pause, java.util.function.LongFunction<String> text) {
        this.client = client;
        this.room = room;
        this.pause = pause;
        this.text = text;
    }

    /** Starts sending ids {@code room-1}, {@code room-2}... to {@code room}, one every {@code pause}. */
    public static SteadySender start(ChatClient client, String room, Duration pause) {
        return start(client, room, pause, n -> "steady message " + n);
    }

    /** The same with the text of message n made by {@code text}. */
    public static SteadySender start(ChatClient client, String room, Duration pause,
            java.util.function.LongFunction<String> text) {
        SteadySender sender = new SteadySender(client, room, pause, text);
        Thread thread = new Thread(sender::run, "steady-sender");
        thread.setDaemon(true);
        thread.start();
        return sender;
    }

    private void run() {
        try {
            while (!stopping) {
                long n = sent.get() + 1;
                JsonObject ack = client.say(room, room + "-" + n, text.apply(n));
                if (!"ack".equals(ack.getString("type"))) {
                    throw new AssertionError("steady message " + n + " refused: " + ack);
                }
                lastSeq.set(ack.getJsonNumber("seq").longValue());
                sent.set(n);
                Thread.sleep(pause.toMillis());
            }
            done.complete(null);
        } catch (Exception | AssertionError e) {
            done.completeExceptionally(e);
        }
    }

    /** How many messages were acknowledged so far. */
    public long sent() {
        return sent.get();
    }

    /** Waits until {@code count} messages were acknowledged; fails if the sender failed or took longer. */
    public void sendsAtLeast(long count, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (sent.get() < count) {
            if (done.isDone()) {
                done.get(); // rethrows the sender's failure
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + sent.get() + " of " + count + " messages sent within " + limit);
            }
            Thread.sleep(pause.toMillis());
        }
    }

    /** Stops after the message in flight; returns the seq of the last one acknowledged. */
    public long stop() throws Exception {
        stopping = true;
        done.get(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return lastSeq.get();
    }
}
