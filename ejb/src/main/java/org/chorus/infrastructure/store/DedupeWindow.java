package org.chorus.infrastructure.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.DedupeEntry;
import org.chorus.cache.RoomSeq;
import org.chorus.cache.SendClaim;
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
    public record Claim(Ack done, SendClaim pending, Map<String, ChatMessage> stored) {
    }

    /**
     * The ack of (user, id) when a send with that id was stored and recorded before (a client re-sending after a
     * reconnection), otherwise null: one read of this node's replica.
     */
    public Ack completed(String user, String id) {
        awaitRestore();
        return caches.dedupe().get(key(user, id)) instanceof RoomSeq stored ? ack(id, stored) : null;
    }

    /** Claims (user, id) for a send into {@code rooms} (in the order it stores them). */
    public Claim claim(String user, String id, List<String> rooms) {
        awaitRestore();
        String key = key(user, id);
        SendClaim mine = pending(rooms);
        while (true) {
            DedupeEntry prior = caches.dedupe().putIfAbsent(key, mine, windowMs, TimeUnit.MILLISECONDS);
            if (prior == null) {
                return new Claim(null, mine, Map.of());
            }
            if (!(prior instanceof SendClaim claimed)) {
                return new Claim(ack(id, (RoomSeq) prior), null, Map.of());
            }
            if (System.currentTimeMillis() - claimed.claimedAt() > TAKEOVER_MS) {
                SendClaim takeover = pending(rooms);
                if (caches.dedupe().replace(key, prior, takeover, windowMs, TimeUnit.MILLISECONDS)) {
                    return new Claim(null, takeover, storedSince(user, id, claimed));
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

    /** A claim made now, with the latest seq of each of its rooms. */
    private SendClaim pending(List<String> rooms) {
        return new SendClaim(System.currentTimeMillis(), rooms.stream().map(room -> new RoomSeq(room, log.latest(
                room))).toList());
    }

    /** What a claim's (dead) writer stored after the seqs its claim recorded. */
    private Map<String, ChatMessage> storedSince(String user, String id, SendClaim claim) {
        Map<String, ChatMessage> stored = new HashMap<>();
        for (RoomSeq latest : claim.latest()) {
            String room = latest.room();
            log.range(room, latest.seq() + 1, log.latest(room)).stream().filter(m -> m.from().equals(user) && m.id()
                    .equals(id)).findFirst().ifPresent(m -> stored.put(room, m));
        }
        return stored;
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
    static SendClaim abandoned(List<RoomSeq> latest) {
        return new SendClaim(0, latest);
    }

    /** What the window records for a stored send: where its ack points. */
    static RoomSeq record(Ack ack) {
        return new RoomSeq(ack.room(), ack.seq());
    }

    private static Ack ack(String id, RoomSeq stored) {
        return new Ack(id, stored.room(), stored.seq());
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
