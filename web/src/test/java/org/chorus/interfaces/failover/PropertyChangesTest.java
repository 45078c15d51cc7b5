package org.chorus.interfaces.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PropertyChangesTest {

    @Test
    void nothingChangedIsNoneAndAllocatesNoChanges() {
        List<String> draft = new ArrayList<>(List.of("dear all,"));
        Map<String, Object> current = session(Map.of("count", 3, "draft", draft, "chorus.resume", "t"));
        Map<String, Object> snapshot = snapshotOf(current);
        assertSame(PropertyChanges.NONE, PropertyChanges.between(snapshot, current));
    }

    @Test
    void anotherObjectIsAChangeEvenWhenEqualAndAValueChangedInPlaceIsNot() {
        List<String> draft = new ArrayList<>(List.of("dear all,"));
        Map<String, Object> current = session(Map.of("draft", draft));
        Map<String, Object> snapshot = snapshotOf(current);
        draft.add("and more");
        assertTrue(PropertyChanges.between(snapshot, current).none(), "in place: put it again to replicate it");
        List<String> copy = new ArrayList<>(draft);
        current.put("draft", copy);
        PropertyChanges changes = PropertyChanges.between(snapshot, current);
        assertEquals(Map.of("draft", copy), changes.changed());
        assertSame(copy, changes.changed().get("draft"));
    }

    @Test
    void addedChangedAndRemovedKeysAreFoundAndTheSnapshotFollows() {
        Map<String, Object> current = session(Map.of("count", 1, "draft", "x", "gone", "y"));
        Map<String, Object> snapshot = snapshotOf(current);
        current.put("count", 2);
        current.put("new", "z");
        current.remove("gone");
        current.put("nothing", null);
        PropertyChanges changes = PropertyChanges.between(snapshot, current);
        Map<String, Object> changed = new HashMap<>(Map.of("count", 2, "new", "z"));
        changed.put("nothing", null);
        assertEquals(changed, changes.changed());
        assertEquals(Set.of("gone"), changes.removed());
        changes.applyTo(snapshot);
        assertSame(PropertyChanges.NONE, PropertyChanges.between(snapshot, current), "a null stays unchanged too");
    }

    @Test
    void keysOfChorusAndOfTheContainerAreNeverTheApplicationsChanges() {
        Map<String, Object> current = session(Map.of("count", 1));
        Map<String, Object> snapshot = snapshotOf(current);
        for (String key : List.of("chorus.budget", "io.undertow.x", "org.wildfly.y", "org.jboss.z",
                "jakarta.websocket.endpoint.localAddress")) {
            current.put(key, new Object());
        }
        current.put(null, "no key");
        assertSame(PropertyChanges.NONE, PropertyChanges.between(snapshot, current));
        assertEquals(Map.of("count", 1), snapshot);
    }

    /** As Undertow makes a session's user properties. */
    private static Map<String, Object> session(Map<String, Object> entries) {
        return Collections.synchronizedMap(new HashMap<>(entries));
    }

    private static Map<String, Object> snapshotOf(Map<String, Object> current) {
        return new HashMap<>(PropertyChanges.between(Map.of(), current).changed());
    }
}
