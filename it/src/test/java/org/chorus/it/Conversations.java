package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.json.JsonObject;

/**
 * Steps several tests share: waiting until the cluster carries a message from one client to another.
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
            String id = "warmup-" + attempt;
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

    /** Waits for the next chat message of {@code room} on {@code client}. */
    public static JsonObject nextMessage(ChatClient client, String room) throws InterruptedException {
        return client.next(f -> "message".equals(f.getString("type")) && room.equals(f.getString("room")),
                "message in " + room, ChatClient.TIMEOUT);
    }
}
