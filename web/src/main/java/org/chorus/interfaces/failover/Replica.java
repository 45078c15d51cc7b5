package org.chorus.interfaces.failover;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.chorus.application.Connections;

/**
 * The replication state of one open connection, kept in its own user properties: how it was opened (its token) and the
 * values last written to the cluster or restored from it, which the next handler's changes are compared with.
 */
final class Replica {

    private final Connections.Opened opened;
    private final Map<String, Object> snapshot;
    private int depth;

    /** A replica whose snapshot is the application's entries of {@code current}: nothing to write yet. */
    Replica(Connections.Opened opened, Map<String, Object> current) {
        this.opened = opened;
        this.snapshot = new HashMap<>(PropertyChanges.between(Map.of(), current).changed());
    }

    Connections.Opened opened() {
        return opened;
    }

    /** A handler of the connection starts (handlers may nest, or overlap on another thread). */
    synchronized void enter() {
        depth++;
    }

    /**
     * A handler ends: when it was the last one running, hands what changed since the snapshot to {@code write} (if
     * anything did) and takes it into the snapshot once written. When {@code write} throws, the snapshot stays, so the
     * next handler tries again.
     */
    synchronized void leave(Map<String, Object> current, Consumer<PropertyChanges> write) {
        if (--depth > 0) {
            return;
        }
        PropertyChanges changes = PropertyChanges.between(snapshot, current);
        if (!changes.none()) {
            write.accept(changes);
            changes.applyTo(snapshot);
        }
    }
}
