package org.chorus.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

import org.infinispan.functional.EntryView.ReadWriteEntryView;
import org.junit.jupiter.api.Test;

/** The presence changes say exactly once that a user came online in a room and exactly once that they went. */
class PresenceEditTest {

    /** One cache entry, as the functional API shows it to a change; counts the writes. */
    private static final class Entry {

        OnlineConnections value;
        int writes;

        @SuppressWarnings("unchecked")
        ReadWriteEntryView<String, OnlineConnections> view() {
            return (ReadWriteEntryView<String, OnlineConnections>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ReadWriteEntryView.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "find" -> Optional.ofNullable(value);
                        case "key" -> "general|alice";
                        case "set" -> {
                            value = (OnlineConnections) args[0];
                            writes++;
                            yield null;
                        }
                        case "remove" -> {
                            value = null;
                            writes++;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void theFirstConnectionComesOnlineAndTheLastGoesOffline() {
        Entry entry = new Entry();
        assertTrue(new AddConnection("node1/a").apply(entry.view()));
        assertFalse(new AddConnection("node2/b").apply(entry.view()));
        assertEquals(List.of("node1/a", "node2/b"), entry.value.connections());
        assertFalse(new RemoveConnection("node1/a").apply(entry.view()));
        assertTrue(new RemoveConnection("node2/b").apply(entry.view()));
        assertNull(entry.value);
    }

    @Test
    void repeatingAChangeAnnouncesNothingAndWritesNothing() {
        Entry entry = new Entry();
        new AddConnection("node1/a").apply(entry.view());
        assertFalse(new AddConnection("node1/a").apply(entry.view()), "a re-join is not a new arrival");
        assertEquals(1, entry.writes);
        assertTrue(new RemoveConnection("node1/a").apply(entry.view()));
        assertFalse(new RemoveConnection("node1/a").apply(entry.view()), "a second removal is not a second departure");
        assertEquals(2, entry.writes);
    }

    @Test
    void keepingTheLiveNodesDropsTheOthersConnections() {
        Entry entry = new Entry();
        new AddConnection("node1/a").apply(entry.view());
        new AddConnection("node2/b").apply(entry.view());
        assertFalse(new KeepNodes(List.of("node2")).apply(entry.view()), "node2's connection keeps the user online");
        assertEquals(List.of("node2/b"), entry.value.connections());
        assertFalse(new KeepNodes(List.of("node2")).apply(entry.view()));
        assertTrue(new KeepNodes(List.of("node1")).apply(entry.view()));
        assertNull(entry.value);
    }
}
