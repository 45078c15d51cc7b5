package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * A subscribed client of a node of the ./chorus up domain that is about to crash; afterwards it reconnects, as a client
 * would, and resumes.
 */
public final class Follower {

    final ChatClient client;
    final String token;
    final String room;
    long lastSeen;
    private volatile ChatClient resumed;

    private Follower(ChatClient client, String token, String room) {
        this.client = client;
        this.token = token;
        this.room = room;
    }

    static Follower on(URI node, String user, String room) throws Exception {
        ChatClient client = ChatClient.login(node, user, Credentials.runCommand().of(user));
        String token = client.connect().getString("resume");
        client.join(room);
        return new Follower(client, token, room);
    }

    /**
     * Retries every 100 ms until resumed; returns the ms from the kill to its first missed message. The resumed
     * connection stays open (its user stays online) until {@link #close()}.
     */
    long resumeThrough(URI entry, long killed) throws Exception {
        Exception last = null;
        int attempts = 0;
        while (true) {
            if (System.nanoTime() - killed > java.util.concurrent.TimeUnit.SECONDS.toNanos(25)) {
                throw new AssertionError("not resumed through " + entry + " 25 s after the kill, " + attempts
                        + " attempts; the last failed with: " + last, last);
            }
            attempts++;
            ChatClient again = client.on(entry);
            try {
                JsonObject welcome = again.connect(token);
                assertTrue(welcome.getBoolean("resumed"), welcome.toString());
                long latest = again.join(room, lastSeen).getJsonNumber("seq").longValue();
                // The outage's messages may still be arriving: wait for the first one, then check them all.
                List<JsonObject> missed = again.messages(room, 1, ChatClient.TIMEOUT);
                long millis = Duration.ofNanos(System.nanoTime() - killed).toMillis();
                missed = new java.util.ArrayList<>(missed);
                if (latest > lastSeen + 1) {
                    missed.addAll(again.messages(room, (int) (latest - lastSeen - 1), ChatClient.TIMEOUT));
                }
                assertEquals(java.util.stream.LongStream.rangeClosed(lastSeen + 1, latest).boxed().toList(), missed
                        .stream().map(m -> m.getJsonNumber("seq").longValue()).toList());
                resumed = again;
                return millis;
            } catch (java.util.concurrent.ExecutionException | java.io.IOException notYet) {
                last = notYet;
                again.close();
                Thread.sleep(100);
            }
        }
    }

    /** Closes the connection from before the crash and the resumed one. */
    void close() {
        client.close();
        if (resumed != null) {
            resumed.close();
        }
    }
}
