package org.chorus.interfaces.failover;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a connection's user properties since they were last written, compared by key and value identity:
 * another object counts as a change even when it is equal, a value changed in place does not (put it again, as with
 * {@code HttpSession.setAttribute}). Keys of Chorus and of the container are never the application's.
 */
record PropertyChanges(Map<String, Object> changed, Set<String> removed) {

    static final PropertyChanges NONE = new PropertyChanges(Map.of(), Set.of());

    /** Prefixes of keys that are not the application's: Chorus's own, Undertow's and WildFly's, the API's. */
    private static final List<String> NOT_REPLICATED = List.of("chorus.", "io.undertow.", "org.wildfly.",
            "org.jboss.", "jakarta.websocket.");

    boolean none() {
        return changed.isEmpty() && removed.isEmpty();
    }

    /** Whether a key is the application's, so replicated. */
    static boolean replicated(String key) {
        if (key == null) {
            return false;
        }
        for (String prefix : NOT_REPLICATED) {
            if (key.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The application's entries of {@code current} that are not in {@code snapshot} with the same value object, and the
     * keys of {@code snapshot} that {@code current} no longer has. {@code current} is read holding its own lock, as
     * Undertow's synchronized map must be iterated; nothing is allocated when nothing changed.
     */
    static PropertyChanges between(Map<String, Object> snapshot, Map<String, Object> current) {
        Map<String, Object> changed = null;
        Set<String> removed = null;
        synchronized (current) {
            int kept = 0;
            for (Map.Entry<String, Object> entry : current.entrySet()) {
                String key = entry.getKey();
                if (!replicated(key)) {
                    continue;
                }
                Object before = snapshot.get(key);
                boolean known = before != null || snapshot.containsKey(key);
                if (known) {
                    kept++;
                }
                if (!known || before != entry.getValue()) {
                    changed = changed == null ? new HashMap<>() : changed;
                    changed.put(key, entry.getValue());
                }
            }
            if (kept < snapshot.size()) {
                removed = new HashSet<>();
                for (String key : snapshot.keySet()) {
                    if (!current.containsKey(key)) {
                        removed.add(key);
                    }
                }
            }
        }
        return changed == null && removed == null
                ? NONE
                : new PropertyChanges(changed == null ? Map.of() : changed,
                        removed == null ? Set.of() : removed);
    }

    /** {@code snapshot} brought up to date with these changes. */
    void applyTo(Map<String, Object> snapshot) {
        snapshot.putAll(changed);
        snapshot.keySet().removeAll(removed);
    }
}
