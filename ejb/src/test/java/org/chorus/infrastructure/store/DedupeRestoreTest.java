package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After a restart of the whole cluster the dedupe window is empty, and is read back from history. */
class DedupeRestoreTest {

    private static final long WINDOW_MS = 900_000;

    private DefaultCacheManager manager;
    private Cache<String, String> dedupe;
    private MessageLog log;
    private DedupeWindow window;
    private DedupeRestore restore;
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void caches() {
        manager = new DefaultCacheManager();
        for (String cache : new String[]{"history", "rooms", "dedupe"}) {
            manager.defineConfiguration(cache, new ConfigurationBuilder().build());
        }
        Cache<String, String> history = manager.getCache("history");
        Cache<String, Long> rooms = manager.getCache("rooms");
        dedupe = manager.getCache("dedupe");
        ChatCaches caches = new ChatCaches() {

            @Override
            public Cache<String, String> history() {
                return history;
            }

            @Override
            public Cache<String, Long> rooms() {
                return rooms;
            }

            @Override
            public Cache<String, String> dedupe() {
                return dedupe;
            }
        };
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
    }

    @AfterEach
    void stop() {
        manager.stop();
    }

    @Test
    void everySendOfTheLastWindowGetsItsFirstAckAgain() throws Exception {
        store("general", "carol", "old-1", now - WINDOW_MS - 1_000);
        store("general", "alice", "m-1", now - 60_000);
        store("general", "bob", "m-2", now - 1_000);
        // A direct message from alice to bob: bob's copy first, then alice's, whose seq her ack names.
        store("@bob", "alice", "dm-1", now - 500);
        store("@alice", "alice", "dm-1", now - 500);
        store("@alice", "alice", "dm-0", now - 2_000);
        // A repeat that arrives before the restore has run waits for it, instead of finding the window empty.
        CompletableFuture<Ack> early = CompletableFuture.supplyAsync(() -> window.completed("alice", "m-1"));

        assertEquals(4, restore.rebuild(now));
        window.restored();

        assertEquals(new Ack("m-1", "general", 2), early.get(5, TimeUnit.SECONDS));
        assertEquals(new Ack("m-2", "general", 3), window.completed("bob", "m-2"));
        assertEquals(new Ack("dm-1", "@alice", 1), window.completed("alice", "dm-1"));
        assertEquals(new Ack("dm-0", "@alice", 2), window.claim("alice", "dm-0", List.of("@alice")).done());
        assertNull(window.completed("carol", "old-1"), "a send older than the window is not remembered");
        assertEquals(4, dedupe.size());
    }

    @Test
    void aWindowWithEntriesCameByStateTransferAndIsLeftAlone() {
        store("general", "alice", "m-1", now - 1_000);
        dedupe.put(DedupeWindow.key("bob", "m-9"), "general#7");
        assertEquals(-1, restore.rebuild(now));
        window.restored();
        assertNull(window.completed("alice", "m-1"));
    }

    @Test
    void aRestoreThatFailsLetsTheSendsGoOnAtOnce() {
        restore.caches = new ChatCaches() {

            @Override
            public Cache<String, String> dedupe() {
                throw new IllegalStateException("the cache is stopping");
            }
        };
        restore.restore();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertNull(window.completed("alice", "m-1")),
                "a send does not wait for a restore that failed");
    }

    private void store(String room, String from, String id, long ts) {
        log.append(ChatMessage.draft(room, id, from, "text of " + id, Instant.ofEpochMilli(ts)));
    }
}
