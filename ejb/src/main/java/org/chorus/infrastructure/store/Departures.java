package org.chorus.infrastructure.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each node left the cluster view, so that a presence sweep keeps a node's connections for the whole grace after
 * its own departure: a sweep scheduled by an earlier view change, which reads the view when it runs, would otherwise
 * drop a node that had crashed a moment before, and announce offline users who are about to resume elsewhere.
 */
final class Departures {

    private final Map<String, Long> leftAt = new ConcurrentHashMap<>();

    /** Records a view change at {@code now} (any monotonic clock): who left, and who is (back) in it. */
    void viewChanged(Collection<String> before, Collection<String> after, long now) {
        before.stream().filter(node -> !after.contains(node)).forEach(node -> leftAt.put(node, now));
        after.forEach(leftAt::remove);
    }

    /**
     * The nodes whose connections a sweep at {@code now} keeps: the members, and those that left less than
     * {@code grace} ago (in the clock of {@link #viewChanged}).
     */
    Set<String> kept(Collection<String> members, long now, long grace) {
        Set<String> kept = new HashSet<>(members);
        leftAt.forEach((node, at) -> {
            if (now - at < grace) {
                kept.add(node);
            }
        });
        return kept;
    }
}
