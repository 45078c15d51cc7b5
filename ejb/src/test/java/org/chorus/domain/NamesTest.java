package org.chorus.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"general", "a", "0", "dev-ops", "team_2",
            "x123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsProtocolRoomNames(String name) {
        assertTrue(Names.isRoom(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "General", "-lead", "_lead", "has space", "ümlaut", "@alice", "a/b",
            "x1234567890123456789012345678901234567890123456789012345678901234"})
    void refusesOtherRoomNames(String name) {
        assertFalse(Names.isRoom(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"m-1", "A", "abc_DEF-123",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsClientIds(String id) {
        assertTrue(Names.isClientId(id), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m 1", "m.1", "ü", "12345678901234567890123456789012345678901234567890123456789012345"})
    void refusesOtherClientIds(String id) {
        assertFalse(Names.isClientId(id), id);
    }
}
