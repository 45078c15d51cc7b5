package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.cache.DedupeEntry;
import org.chorus.cache.WindowMark;
import org.chorus.infrastructure.store.DedupeWindow.Claim;
import org.infinispan.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After a restart of the whole cluster the dedupe window is empty, and is read back from history. */
class DedupeRestoreTest {

    private static final long WINDOW_MS = 900_000;

    private final LocalCaches caches = new LocalCaches();
    private final Cache<String, DedupeEntry> dedupe = caches.dedupe();
    private MessageLog log;
    private DedupeWindow window;
    private DedupeRestore restore;
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void services() {
        log = new MessageLog();
        log.caches = caches;
        log.retain = 10_000;
        window = new DedupeWindow();
        window.caches = caches;
        window.log = log;
        window.windowMs = WINDOW_MS;
        restore = new DedupeRestore();
        restore.caches = caches;
        restore.log = log;
        restore.window = window;
        restore.clock = () -> now;
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    @Test
    void everySendOfTheLastWindowGetsItsFirstAckAgainForTheRestOfItsWindow() throws Exception {
        store("general", "carol", "old-1", now - WINDOW_MS - 1_000);
        store("general", "alice", "m-1", now - 60_000);
        store("general", "bob", "m-2", now - 1_000);
        // A direct message from alice to bob: bob's copy first, then alice's, whose seq her ack names.
        store("@bob", "alice", "dm-1", now - 500);
        store("@alice", "alice", "dm-1", now - 500);
        store("@alice", "alice", "dm-0", now - 2_000);
        for (int i = 0; i < 30; i++) { // more than the first pages of the walk
            store("busy", "dave", "b-" + i, now - 30_000 + i);
        }
        // A repeat that arrives before the restore has run waits for it, instead of finding the window empty.
        CompletableFuture<Ack> early = new CompletableFuture<>();
        Thread repeat = new Thread(() -> early.complete(window.completed("alice", "m-1")));
        repeat.start();
        awaitWaiting(repeat);

        assertEquals(34, restore.rebuild());
        window.restored();

        assertEquals(new Ack("m-1", "general", 2), early.get(5, TimeUnit.SECONDS));
        assertEquals(new Ack("m-2", "general", 3), window.completed("bob", "m-2"));
        assertEquals(new Ack("dm-1", "@alice", 1), window.completed("alice", "dm-1"));
        assertEquals(new Ack("dm-0", "@alice", 2), window.claim("alice", "dm-0", List.of("@alice")).done());
        for (int i = 0; i < 30; i++) {
            assertEquals(new Ack("b-" + i, "busy", i + 1), window.completed("dave", "b-" + i));
        }
        assertNull(window.completed("carol", "old-1"), "a send older than the window is not remembered");
        assertEquals(WINDOW_MS - 60_000, dedupe.getAdvancedCache().getCacheEntry(DedupeWindow.key("alice", "m-1"))
                .getLifespan(), "remembered for the rest of its own window");
    }

    @Test
    void aDirectMessageCutOffAfterTheRecipientsCopyIsCompletedByTheRetry() {
        store("@bob", "alice", "dm-1", now - 500); // the writer died here, before alice's copy
        store("@alice", "carol", "hello", now - 400);
        restore.rebuild();
        window.restored();

        Claim retry = window.claim("alice", "dm-1", List.of("@bob", "@alice"));
        assertNull(retry.done(), "not stored completely: the retry stores what is missing");
        assertEquals(Map.of("@bob", 1L), retry.stored().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().seq())), "bob's copy is reused, not stored again");
    }

    @Test
    void aCompleteWindowIsLeftAloneAndAnUnfinishedRestoreIsDoneAgain() {
        store("general", "alice", "m-1", now - 1_000);
        dedupe.put(DedupeRestore.MARK, new WindowMark(false)); // a node that began restoring and died, or is at it
        assertEquals(1, restore.rebuild());
        dedupe.remove(DedupeWindow.key("alice", "m-1"));
        assertEquals(-1, restore.rebuild(), "complete since the cluster started: a joining node gets it by state"
                + " transfer");
        window.restored();
        assertNull(window.completed("alice", "m-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreadableMessageCostsOnlyItsOwnRecord() {
        store("general", "alice", "m-1", now - 3_000);
        store("general", "alice", "m-2", now - 2_000);
        store("general", "alice", "m-3", now - 1_000);
        ((Cache<String, Object>) (Cache<?, ?>) caches.history()).put(MessageLog.key("general", 2), "damaged");
        store("other", "bob", "o-1", now - 1_000);
        assertEquals(3, restore.rebuild());
        window.restored();
        assertEquals(new Ack("m-1", "general", 1), window.completed("alice", "m-1"));
        assertEquals(new Ack("m-3", "general", 3), window.completed("alice", "m-3"));
        assertEquals(new Ack("o-1", "other", 1), window.completed("bob", "o-1"));
        assertNull(window.completed("alice", "m-2"));
    }

    @Test
    void aRestoreThatFailsLetsTheSendsGoOnAtOnce() {
        restore.caches = new ChatCaches() {

            @Override
            public Cache<String, DedupeEntry> dedupe() {
                throw new IllegalStateException("the cache is stopping");
            }
        };
        restore.restore();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertNull(window.completed("alice", "m-1")),
                "a send does not wait for a restore that failed");
    }

    /** Until the thread waits (for the restore); fails after 5 s. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertTrue(thread.isAlive() && System.nanoTime() < deadline, "the repeat did not wait for the restore");
            Thread.onSpinWait();
        }
    }

    private void store(String room, String from, String id, long ts) {
        log.append(ChatMessage.draft(room, id, from, "text of " + id, Instant.ofEpochMilli(ts)));
    }
}
