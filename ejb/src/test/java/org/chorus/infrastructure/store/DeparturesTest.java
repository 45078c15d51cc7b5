package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A node's connections are kept for the grace after its own departure, whatever view change scheduled the sweep. */
class DeparturesTest {

    private static final long GRACE = 5_000;
    private final Departures departures = new Departures();

    @Test
    void aSweepRightAfterACrashKeepsTheCrashedNodeUntilItsGraceEnds() {
        departures.viewChanged(List.of("node1", "node2", "node3"), List.of("node1", "node2"), 0); // node3 removed
        departures.viewChanged(List.of("node1", "node2"), List.of("node2"), 3_700); // node1 killed
        // The sweep of node3's view change runs at 5,000 and reads the view of that moment.
        assertEquals(Set.of("node1", "node2"), departures.kept(List.of("node2"), 5_000, GRACE));
        assertEquals(Set.of("node2"), departures.kept(List.of("node2"), 8_700, GRACE), "node1's own sweep drops it");
    }

    @Test
    void aNodeBackInTheViewIsAMemberAgainAndAStartUpSweepKeepsOnlyTheMembers() {
        departures.viewChanged(List.of("node1", "node2"), List.of("node2"), 0);
        departures.viewChanged(List.of("node2"), List.of("node1", "node2"), 1_000);
        departures.viewChanged(List.of("node1", "node2"), List.of("node1"), 20_000);
        assertEquals(Set.of("node1", "node2"), departures.kept(List.of("node1"), 21_000, GRACE));
        assertEquals(Set.of("node1"), new Departures().kept(List.of("node1"), 0, GRACE), "nothing seen leaving");
    }
}
