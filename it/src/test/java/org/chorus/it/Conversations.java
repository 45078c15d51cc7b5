package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

/**
 * Steps several tests share: waiting until the cluster carries a message from one client to another, and a talker
 * speaking at a steady pace.
 */
public final class Conversations {

    private Conversations() {
    }

    /**
     * Waits until a message from {@code sender} reaches {@code receiver} in a room used only for this, re-sending every
     * second: right after a start the Artemis cluster bridges may still be forming. Returns that room.
     */
    public static String awaitClusterCarries(ChatClient sender, ChatClient receiver, Duration deadline)
            throws Exception {
        String room = "warmup-" + UUID.randomUUID().toString().substring(0, 8);
        sender.join(room);
        receiver.join(room);
        long end = System.nanoTime() + deadline.toNanos();
        for (int attempt = 1;; attempt++) {
            String id = room + "-" + attempt;
            assertEquals("ack", sender.say(room, id, "is anyone there?").getString("type"));
            try {
                receiver.next(f -> "message".equals(f.getString("type")) && room.equals(f.getString("room")),
                        "warm-up message", Duration.ofSeconds(1));
                return room;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the cluster carried no message within " + deadline, notYet);
                }
            }
        }
    }

    /**
     * Sends {@code count} messages into {@code room} (ids {@code room-prefix-1}...), one every {@code every} starting
     * now, each acked, and returns when the last is; the readers of the room meanwhile send nothing.
     */
    public static void talk(ChatClient talker, String room, String prefix, Duration every, int count)
            throws Exception {
        CompletableFuture<Void> talked = new CompletableFuture<>();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        try {
            schedule.scheduleAtFixedRate(() -> {
                int k = sent.incrementAndGet();
                try {
                    assertEquals("ack",
                            talker.say(room, room + "-" + prefix + "-" + k, prefix + " " + k).getString("type"));
                } catch (Exception | AssertionError e) {
                    talked.completeExceptionally(e);
                }
                if (k == count) {
                    talked.complete(null);
                }
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
            talked.get(every.toMillis() * count + 60_000, TimeUnit.MILLISECONDS);
        } finally {
            schedule.shutdownNow();
        }
    }

    /** Waits for the next chat message of {@code room} on {@code client}. */
    public static JsonObject nextMessage(ChatClient client, String room) throws InterruptedException {
        return client.next(f -> "message".equals(f.getString("type")) && room.equals(f.getString("room")),
                "message in " + room, ChatClient.TIMEOUT);
    }
}
