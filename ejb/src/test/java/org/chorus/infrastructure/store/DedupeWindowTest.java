package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chorus.cache.DedupeEntry;
import org.chorus.infrastructure.store.DedupeWindow.Claim;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.partitionhandling.AvailabilityException;
import org.infinispan.commons.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failed send gives its claim back only when the failure proves that nothing was stored. */
class DedupeWindowTest {

    private final LocalCaches caches = new LocalCaches();
    private final Cache<String, DedupeEntry> dedupe = caches.dedupe();
    private DedupeWindow window;

    @BeforeEach
    void window() {
        window = new DedupeWindow();
        window.windowMs = 60_000;
        window.restored();
        window.caches = caches;
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    @Test
    void aMinoritysRefusalGivesTheClaimBackForTheRetry() {
        Claim claim = window.claim("alice", "m-1", List.of());
        window.failed("alice", "m-1", claim, new CacheException(new AvailabilityException()));
        assertTrue(dedupe.isEmpty(), "the claim is given back");
        Claim retry = window.claim("alice", "m-1", List.of());
        assertNull(retry.done(), "nothing was stored: the retry stores it");
        assertEquals(dedupe.values().iterator().next(), retry.pending(), "the retry holds the claim at once");
    }

    @Test
    void aTimedOutWriteKeepsTheClaimSinceItMayHaveBeenStored() {
        Claim claim = window.claim("alice", "m-1", List.of());
        window.failed("alice", "m-1", claim, new TimeoutException("replication timed out"));
        assertEquals(List.of(claim.pending()), List.copyOf(dedupe.values()), "the claim stays for a takeover");
    }
}
