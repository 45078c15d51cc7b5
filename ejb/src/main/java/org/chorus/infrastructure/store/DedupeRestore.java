package org.chorus.infrastructure.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.chorus.cache.DedupeEntry;
import org.chorus.cache.RoomSeq;
import org.chorus.cache.WindowMark;
import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.Names;
import org.infinispan.Cache;
import org.jboss.logging.Logger;

/**
 * Gives the {@link DedupeWindow} back after a restart of the whole cluster: the window lives in memory only, but every
 * stored message names its sender and client id, so the window's sends are read back from the persistent history.
 * <p>
 * It runs when this node starts, unless the window says it is complete ({@link #MARK}, written when a restore ended): a
 * node that joins a running cluster receives the window by state transfer. Nodes that start together each restore
 * (every record is a put-if-absent of the same fact). Until it has finished, this node takes no claim, so a client that
 * re-sends an unacknowledged message as soon as the cluster is back gets the ack of what was stored, not a second copy.
 * The window then costs no write to disk on the send path: history already holds what the window needs.
 */
@Singleton
@Startup
public class DedupeRestore {

    private static final Logger LOG = Logger.getLogger(DedupeRestore.class);
    /** The window's own key for "complete since the cluster started" (no user name starts with it). */
    static final String MARK = "\u001fwindow";
    private static final WindowMark COMPLETE = new WindowMark(true);
    /** The nodes that stamped the messages may disagree on the time by this much: the walk goes on this far. */
    static final long CLOCK_SKEW_MS = 60_000;
    /** The most messages read, and records written, at a time. */
    private static final int PAGE = 512;

    @Inject
    ChatCaches caches;

    @Inject
    MessageLog log;

    @Inject
    DedupeWindow window;

    @Resource
    ManagedExecutorService executor;

    /** The time that lifespans count from. */
    LongSupplier clock = System::currentTimeMillis;

    @PostConstruct
    void start() {
        executor.execute(this::restore);
    }

    /** Rebuilds the window, and lets the sends waiting for it go on, also when it could not. */
    void restore() {
        long started = System.currentTimeMillis();
        try {
            int restored = rebuild();
            if (restored >= 0) {
                LOG.infof("Restored %d sends of the last %d s to the dedupe window from history in %d ms", restored,
                        window.windowMs() / 1000, System.currentTimeMillis() - started);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not restore the dedupe window from history (%s): a re-send of a message stored before"
                    + " the cluster's restart may be stored again", e.toString());
        } finally {
            window.restored();
        }
    }

    /**
     * Records, as {@link DedupeWindow#stored} does, every send of the last window that history holds, each until its
     * own window ends; returns how many, or -1 when the window was complete already. Marks the window complete at the
     * end; until then, a node that starts finds it "restoring" and restores too.
     */
    int rebuild() {
        Cache<String, DedupeEntry> dedupe = caches.dedupe();
        if (COMPLETE.equals(dedupe.putIfAbsent(MARK, new WindowMark(false)))) {
            return -1;
        }
        Map<String, ChatMessage> recipientCopies = new HashMap<>();
        Set<String> acked = new HashSet<>();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        int[] restored = {0};
        for (String room : log.rooms()) {
            walk(room, message -> {
                String key = DedupeWindow.key(message.from(), message.id());
                if (Names.isInbox(room) && !room.equals(Names.inbox(message.from()))) {
                    recipientCopies.put(key, message);
                } else {
                    acked.add(key);
                    if (record(writes, key, message, DedupeWindow.record(new Ack(message.id(), room, message
                            .seq())))) {
                        restored[0]++;
                    }
                }
            });
        }
        // A direct message whose writer died between the recipient's copy and the sender's: its claim, as the writer
        // left it, for the retry to take over at once and store the sender's copy only.
        recipientCopies.forEach((key, copy) -> {
            if (!acked.contains(key)) {
                String sender = Names.inbox(copy.from());
                record(writes, key, copy, DedupeWindow.abandoned(List.of(new RoomSeq(copy.room(), copy.seq() - 1),
                        new RoomSeq(sender, log.latest(sender)))));
            }
        });
        join(writes);
        dedupe.put(MARK, COMPLETE);
        return restored[0];
    }

    /** Hands {@code each} the room's messages of the last window, newest first. */
    private void walk(String room, Consumer<ChatMessage> each) {
        long latest = log.latest(room);
        long first = log.firstKept(latest);
        // Pages that start small: most rooms of a long-lived cluster said nothing within the window.
        for (long to = latest, size = 8; to >= first; to -= size, size = Math.min(PAGE, 2 * size)) {
            List<ChatMessage> page = readable(room, Math.max(first, to - size + 1), to);
            for (int i = page.size() - 1; i >= 0; i--) {
                ChatMessage message = page.get(i);
                if (left(message) < -CLOCK_SKEW_MS) {
                    return;
                }
                each.accept(message);
            }
        }
    }

    /**
     * The stored messages with {@code from <= seq <= to}, passing over any that cannot be read: a damaged entry costs
     * its own send's record, not the whole window's.
     */
    private List<ChatMessage> readable(String room, long from, long to) {
        try {
            return log.range(room, from, to);
        } catch (RuntimeException damaged) {
            List<ChatMessage> kept = new ArrayList<>();
            for (long seq = from; seq <= to; seq++) {
                try {
                    kept.addAll(log.range(room, seq, seq));
                } catch (RuntimeException e) {
                    LOG.warnf("Message %d of %s cannot be read (%s): a re-send of it may be stored again", seq, room,
                            e.toString());
                }
            }
            return kept;
        }
    }

    /** Records {@code value} for the rest of the message's window; false when nothing of it is left. */
    private boolean record(List<CompletableFuture<?>> writes, String key, ChatMessage message, DedupeEntry value) {
        long left = left(message);
        if (left <= 0) {
            return false;
        }
        writes.add(caches.dedupe().putIfAbsentAsync(key, value, left, TimeUnit.MILLISECONDS));
        if (writes.size() >= PAGE) {
            join(writes);
        }
        return true;
    }

    /** How much of its window the message's send has left now. */
    private long left(ChatMessage message) {
        return message.ts().toEpochMilli() + window.windowMs() - clock.getAsLong();
    }

    private static void join(List<CompletableFuture<?>> writes) {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        writes.clear();
    }
}
