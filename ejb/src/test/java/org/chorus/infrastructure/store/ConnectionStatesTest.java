package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chorus.domain.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection states by resume token, each HTTP session's index of them, and the mark of its end. */
class ConnectionStatesTest {

    private final LocalCaches caches = new LocalCaches();
    private ConnectionStates states;

    @BeforeEach
    void states() {
        states = new ConnectionStates();
        states.caches = caches;
        states.lifespanMs = 60_000;
        states.markerMs = 60_000;
        states.distributed = true;
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    @Test
    void aStateIsFoundByItsTokenAndChangedWithoutLosingConcurrentChanges() {
        ConnectionState alice = new ConnectionState("alice", "s1", List.of("general"), Map.of("b", "Ag==", "a",
                "AQ=="));
        states.create("t1", alice);
        assertEquals(Optional.of(alice), states.find("t1"));
        states.update("t1", s -> new ConnectionState(s.user(), s.httpSession(), List.of("general", "design"), s
                .properties()));
        states.update("t1", s -> new ConnectionState(s.user(), s.httpSession(), s.rooms(), Map.of("a", "AQ==")));
        assertEquals(Optional.of(new ConnectionState("alice", "s1", List.of("general", "design"), Map.of("a",
                "AQ=="))), states.find("t1"), "both changes kept");
        states.update("nobody", s -> s);
        assertEquals(Optional.empty(), states.find("nobody"));
    }

    @Test
    void theEndOfAnHttpSessionForgetsEveryConnectionOfItAndIsMarked() {
        ConnectionState state = new ConnectionState("bob", "s2", List.of(), Map.of());
        states.create("t1", state);
        states.create("t2", state);
        states.create("t3", new ConnectionState("bob", "other", List.of(), Map.of()));
        assertEquals(Optional.empty(), states.find("session:s2"), "an index entry is no connection state");
        assertFalse(states.ended("s2"));

        states.removeSession("s2");
        assertTrue(states.ended("s2"));
        assertEquals(Optional.empty(), states.find("t1"));
        assertEquals(Optional.empty(), states.find("t2"));
        assertTrue(states.find("t3").isPresent(), "another session's connection stays");
    }

    @Test
    void aConnectionWithoutAnHttpSessionKeepsItsStateOnTheNodeWhenNotDistributed() {
        states.distributed = false;
        ConnectionState carol = new ConnectionState("carol", "", List.of("general"), Map.of());
        states.create("t1", carol);
        assertEquals(Optional.of(carol), states.find("t1"));
        assertTrue(caches.connections().isEmpty(), "nothing in the replicated cache");
    }
}
