package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.chorus.cache.OnlineConnections;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresenceIndexTest {

    private final LocalCaches caches = new LocalCaches();
    private final Cache<String, OnlineConnections> presence = caches.presence();
    private PresenceIndex index;

    @BeforeEach
    void index() {
        index = new PresenceIndex();
        index.caches = caches;
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    @Test
    void membersFollowTheCacheSortedAndPerRoom() {
        presence.put(PresenceKey.of("general", "bob"), online("node1/a"));
        index.listen();
        presence.put(PresenceKey.of("general", "alice"), online("node2/b"));
        presence.put(PresenceKey.of("random", "carol"), online("node1/c"));
        assertEquals(List.of("alice", "bob"), index.members("general"));
        assertEquals(List.of("carol"), index.members("random"));

        presence.remove(PresenceKey.of("general", "bob"));
        assertEquals(List.of("alice"), index.members("general"));
        assertEquals(List.of(), index.members("nobody-here"));
    }

    @Test
    void aRemovalHandledAfterTheUserCameBackLeavesTheUserListed() {
        index.listen();
        presence.put(PresenceKey.of("general", "alice"), online("node1/b"));
        index.removed(PresenceKey.of("general", "alice")); // the event of an earlier removal, handled late
        assertEquals(List.of("alice"), index.members("general"));
    }

    @Test
    void aCreationHandledAfterTheUserLeftAgainLeavesTheUserOut() {
        index.listen();
        index.created(PresenceKey.of("general", "alice")); // the event of an earlier creation, handled late
        assertEquals(List.of(), index.members("general"));
    }

    @Test
    void entriesWhoseEventsWereMissedAreFoundByTheSweep() {
        index.listen();
        presence.put(PresenceKey.of("general", "alice"), online("node1/a"));
        Cache<String, OnlineConnections> silent = presence.getAdvancedCache()
                .withFlags(Flag.SKIP_LISTENER_NOTIFICATION);
        silent.put(PresenceKey.of("general", "bob"), online("node2/b"));
        silent.remove(PresenceKey.of("general", "alice"));
        assertEquals(List.of("alice"), index.members("general"), "not seen yet");

        index.sweep();
        assertEquals(List.of("bob"), index.members("general"));
    }

    private static OnlineConnections online(String connection) {
        return new OnlineConnections(List.of(connection));
    }
}
