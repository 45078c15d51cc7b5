package org.chorus.infrastructure.store;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers, cluster-wide and for {@code chorus.dedupe.window-ms}, where each (user, client id) was first stored, so
 * that a repeated send stores nothing and gets the first ack.
 * <p>
 * A sender first claims the id with a short-lived "pending" entry; a repeat arriving meanwhile (a re-send after a
 * failover, on another node) waits for the first to finish. If the first writer crashes, its claim expires and the
 * repeat stores the message.
 */
@ApplicationScoped
public class DedupeWindow {

    private static final String PENDING = "pending";
    private static final long PENDING_MS = 5_000;
    private static final long POLL_MS = 20;

    @Inject
    ChatCaches caches;

    @Inject
    @ConfigProperty(name = "chorus.dedupe.window-ms", defaultValue = "900000")
    long windowMs;

    /** Claims (user, id) for a new send; returns the first ack instead if it was stored already. */
    public Optional<Ack> claim(String user, String id) {
        String key = key(user, id);
        long deadline = System.currentTimeMillis() + PENDING_MS + 1_000;
        while (true) {
            String prior = caches.dedupe().putIfAbsent(key, PENDING, PENDING_MS, TimeUnit.MILLISECONDS);
            if (prior == null) {
                return Optional.empty();
            }
            if (!PENDING.equals(prior)) {
                return Optional.of(parse(id, prior));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ChatRejection(ErrorCode.INTERNAL, "the first send with this id is still being stored", id);
            }
            sleep();
        }
    }

    /** Records where a claimed send was stored. */
    public void stored(String user, Ack ack) {
        caches.dedupe().put(key(user, ack.id()), ack.room() + "#" + ack.seq(), windowMs, TimeUnit.MILLISECONDS);
    }

    /** Gives a claim back when the send failed, so that the client's retry can store it. */
    public void release(String user, String id) {
        caches.dedupe().remove(key(user, id), PENDING);
    }

    private static Ack parse(String id, String stored) {
        int hash = stored.lastIndexOf('#');
        return new Ack(id, stored.substring(0, hash), Long.parseLong(stored.substring(hash + 1)));
    }

    private static String key(String user, String id) {
        return user + "\u001f" + id;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatRejection(ErrorCode.INTERNAL, "interrupted", null);
        }
    }
}
