package org.chorus.infrastructure.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.Names;
import org.infinispan.Cache;
import org.jboss.logging.Logger;

/**
 * Gives the {@link DedupeWindow} back after a restart of the whole cluster: the window lives in memory only, but every
 * stored message names its sender and client id, so the window's sends are read back from the persistent history.
 * <p>
 * It runs once when this node starts, and only when it finds the window empty: a node that joins a running cluster
 * receives the window by state transfer. Until it has finished, this node takes no claim, so a client that re-sends an
 * unacknowledged message as soon as the cluster is back gets the ack of what was stored, not a second copy. The window
 * then costs no write to disk on the send path: history already holds what the window needs.
 */
@Singleton
@Startup
public class DedupeRestore {

    private static final Logger LOG = Logger.getLogger(DedupeRestore.class);
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

    @PostConstruct
    void start() {
        executor.execute(this::restore);
    }

    /** Rebuilds the window, and lets the sends waiting for it go on, also when it could not. */
    void restore() {
        long started = System.currentTimeMillis();
        try {
            int restored = rebuild(started);
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
     * Records, as {@link DedupeWindow#stored} does, every message of the last window that history holds, each until its
     * own window ends; returns how many, or -1 when the window was not empty.
     */
    int rebuild(long now) {
        Cache<String, String> dedupe = caches.dedupe();
        if (!dedupe.isEmpty()) {
            return -1;
        }
        List<CompletableFuture<?>> writes = new ArrayList<>();
        int restored = 0;
        for (String room : log.rooms()) {
            long latest = log.latest(room);
            long first = log.firstKept(latest);
            boolean older = false;
            // Pages that start small: most rooms of a long-lived cluster said nothing within the window.
            for (long to = latest, size = 8; to >= first && !older; to -= size, size = Math.min(PAGE, 2 * size)) {
                List<ChatMessage> page = log.range(room, Math.max(first, to - size + 1), to);
                for (int i = page.size() - 1; i >= 0 && !older; i--) {
                    ChatMessage message = page.get(i);
                    long left = message.ts().toEpochMilli() + window.windowMs() - now;
                    older = left < -CLOCK_SKEW_MS;
                    if (left > 0 && acked(message)) {
                        writes.add(dedupe.putIfAbsentAsync(DedupeWindow.key(message.from(), message.id()),
                                DedupeWindow.record(new Ack(message.id(), room, message.seq())), left,
                                TimeUnit.MILLISECONDS));
                        restored++;
                    }
                }
                join(writes);
            }
        }
        return restored;
    }

    /**
     * Whether the ack of its send named this copy: a direct message is stored in the recipient's inbox and then the
     * sender's, and the ack names the sender's.
     */
    private static boolean acked(ChatMessage message) {
        return !Names.isInbox(message.room()) || message.room().equals(Names.inbox(message.from()));
    }

    private static void join(List<CompletableFuture<?>> writes) {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        writes.clear();
    }
}
