package org.chorus.infrastructure.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.context.Flag;
import org.infinispan.partitionhandling.AvailabilityException;
import org.jboss.logging.Logger;

/**
 * Remembers, cluster-wide and for {@code chorus.dedupe.window-ms}, where each (user, client id) was stored, so that a
 * repeated send stores nothing and gets the first ack.
 * <p>
 * A sender first claims the id: the claim records when it was made and the latest seq of each room the message goes to.
 * When it has stored the message it records where. A repeat that finds a claim waits for it; if the claim is older than
 * {@link #TAKEOVER_MS} its writer is presumed dead (a crashed node), and the repeat takes the claim over, first looking
 * in those rooms, after the recorded seqs, for what that writer stored before it died. So a crash at any point of a
 * send stores each message once.
 */
@ApplicationScoped
public class DedupeWindow {

    private static final Logger LOG = Logger.getLogger(DedupeWindow.class);
    static final long TAKEOVER_MS = 3_000;
    /** How long a send waits for the restore before it goes on without it (and says so). */
    static final long RESTORE_WAIT_MS = 60_000;
    private static final String PENDING = "pending|";
    private static final long POLL_MS = 20;

    @Inject
    ChatCaches caches;

    @Inject
    MessageLog log;

    @Inject
    @ConfigProperty(name = "chorus.dedupe.window-ms", defaultValue = "900000")
    long windowMs;

    private final CountDownLatch restore = new CountDownLatch(1);

    /**
     * The outcome of a claim: the first ack when the send was complete before, otherwise a claim to complete, with the
     * messages a dead writer already stored (by room).
     */
    public record Claim(Ack done, String pending, Map<String, ChatMessage> stored) {
    }

    /**
     * The ack of (user, id) when a send with that id was stored and recorded before (a client re-sending after a
     * reconnection), otherwise null: one read of this node's replica.
     */
    public Ack completed(String user, String id) {
        awaitRestore();
        String prior = caches.dedupe().get(key(user, id));
        return prior == null || prior.startsWith(PENDING) ? null : parse(id, prior);
    }

    /** Claims (user, id) for a send into {@code rooms} (in the order it stores them). */
    public Claim claim(String user, String id, List<String> rooms) {
        awaitRestore();
        String key = key(user, id);
        String mine = pending(rooms);
        while (true) {
            String prior = caches.dedupe().putIfAbsent(key, mine, windowMs, TimeUnit.MILLISECONDS);
            if (prior == null) {
                return new Claim(null, mine, Map.of());
            }
            if (!prior.startsWith(PENDING)) {
                return new Claim(parse(id, prior), null, Map.of());
            }
            if (System.currentTimeMillis() - claimedAt(prior) > TAKEOVER_MS) {
                String takeover = pending(rooms);
                if (caches.dedupe().replace(key, prior, takeover, windowMs, TimeUnit.MILLISECONDS)) {
                    return new Claim(null, takeover, storedSince(user, id, prior));
                }
                continue; // another repeat took it over first
            }
            sleep();
        }
    }

    /**
     * Records where a claimed send was stored, without waiting for the other nodes: until the record arrives there, a
     * repeat finds the claim pending and waits, and should this node die first, the repeat takes the claim over and
     * finds the stored message after the seqs the claim recorded.
     */
    public void stored(String user, Ack ack) {
        caches.dedupe().getAdvancedCache().withFlags(Flag.FORCE_ASYNCHRONOUS, Flag.IGNORE_RETURN_VALUES).put(key(user,
                ack.id()), record(ack), windowMs, TimeUnit.MILLISECONDS);
    }

    /**
     * A claimed send failed with {@code failure}: when that proves nothing was stored (the caches refused it, as a
     * minority of a split does), the claim is given back so that the client's retry stores it at once. Otherwise, a
     * replicated write that timed out may still have been stored, so the claim stays: the retry finds it pending, takes
     * it over after {@link #TAKEOVER_MS} and reuses what was stored, as after a crash, instead of storing it twice.
     */
    public void failed(String user, String id, Claim claim, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AvailabilityException) {
                try {
                    caches.dedupe().remove(key(user, id), claim.pending());
                } catch (AvailabilityException e) {
                    // The claim stays until a retry takes it over once this node is back in the majority.
                }
                return;
            }
        }
    }

    /** The window is complete on this node: what the cluster stored before its last full restart is in it again. */
    void restored() {
        restore.countDown();
    }

    /** The window in milliseconds (a method: callers hold a CDI proxy, whose own fields are not the bean's). */
    long windowMs() {
        return windowMs;
    }

    /** "pending|millis|room=latest|room=latest..." */
    private String pending(List<String> rooms) {
        Map<String, Long> latestByRoom = new LinkedHashMap<>();
        rooms.forEach(room -> latestByRoom.put(room, log.latest(room)));
        return pending(System.currentTimeMillis(), latestByRoom);
    }

    private static String pending(long claimedAt, Map<String, Long> latestByRoom) {
        StringBuilder value = new StringBuilder(PENDING).append(claimedAt);
        latestByRoom.forEach((room, latest) -> value.append('|').append(room).append('=').append(latest));
        return value.toString();
    }

    private static long claimedAt(String pending) {
        return Long.parseLong(pending.split("\\|")[1]);
    }

    /** What a claim's (dead) writer stored after the seqs its claim recorded. */
    private Map<String, ChatMessage> storedSince(String user, String id, String pending) {
        Map<String, ChatMessage> stored = new LinkedHashMap<>();
        String[] parts = pending.split("\\|");
        for (int i = 2; i < parts.length; i++) {
            int eq = parts[i].lastIndexOf('=');
            String room = parts[i].substring(0, eq);
            long after = Long.parseLong(parts[i].substring(eq + 1));
            log.range(room, after + 1, log.latest(room)).stream().filter(m -> m.from().equals(user) && m.id().equals(
                    id)).findFirst().ifPresent(m -> stored.put(room, m));
        }
        return new HashMap<>(stored);
    }

    private void awaitRestore() {
        if (restore.getCount() == 0) {
            return;
        }
        try {
            if (!restore.await(RESTORE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warnf("The dedupe window was not restored from history within %d ms: going on without it",
                        RESTORE_WAIT_MS);
                restore.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatRejection(ErrorCode.INTERNAL, "interrupted", null);
        }
    }

    /**
     * A claim as a writer that died long ago left it, having seen these latest seqs of its rooms: the next repeat takes
     * it over at once and reuses what was stored after them.
     */
    static String abandoned(Map<String, Long> latestByRoom) {
        return pending(0, latestByRoom);
    }

    /** What the window records for a stored send: where its ack points. */
    static String record(Ack ack) {
        return ack.room() + "#" + ack.seq();
    }

    private static Ack parse(String id, String stored) {
        int hash = stored.lastIndexOf('#');
        return new Ack(id, stored.substring(0, hash), Long.parseLong(stored.substring(hash + 1)));
    }

    static String key(String user, String id) {
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
