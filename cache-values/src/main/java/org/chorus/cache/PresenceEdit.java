package org.chorus.cache;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.infinispan.functional.EntryView.ReadWriteEntryView;

/**
 * A change to the live connections of one (room, user) that the {@code presence} cache runs where the entry is kept
 * (Infinispan's functional API, {@code ReadWriteMap.eval}): the request carries the change, not the old and the new
 * set, and concurrent changes of one key queue at its owner instead of retrying a compare-and-set. The result says
 * whether the user came online (the set was empty before) or went offline (it is empty after), whichever the change can
 * cause.
 */
public interface PresenceEdit extends Function<ReadWriteEntryView<String, OnlineConnections>, Boolean> {

    /** Applies {@code edit} to the entry's set; writes only when it changed; returns {@code (wasEmpty, isEmpty)}. */
    static boolean[] edit(ReadWriteEntryView<String, OnlineConnections> view, UnaryOperator<Set<String>> edit) {
        Optional<OnlineConnections> old = view.find();
        Set<String> before = old.map(OnlineConnections::toSet).orElseGet(TreeSet::new);
        Set<String> after = edit.apply(new TreeSet<>(before));
        if (!after.equals(before)) {
            if (after.isEmpty()) {
                view.remove();
            } else {
                view.set(new OnlineConnections(after.stream().toList()));
            }
        }
        return new boolean[]{before.isEmpty(), after.isEmpty()};
    }
}
