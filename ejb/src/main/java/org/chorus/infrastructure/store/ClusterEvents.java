package org.chorus.infrastructure.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.infinispan.remoting.transport.Address;

/**
 * The recent changes of the cluster view as this node saw them (who left, who joined, when): the admin page's "recent
 * failovers". Kept in memory, the last 20.
 */
@ApplicationScoped
public class ClusterEvents {

    private static final int KEPT = 20;

    private final Deque<String> events = new ArrayDeque<>();

    /** Records a view change, from the members before to the members after. */
    public void viewChanged(List<Address> before, List<Address> after) {
        String left = before.stream().filter(a -> !after.contains(a)).map(Address::toString).collect(Collectors
                .joining(", "));
        String joined = after.stream().filter(a -> !before.contains(a)).map(Address::toString).collect(Collectors
                .joining(", "));
        String event = Instant.now() + (left.isEmpty() ? "" : " left: " + left) + (joined.isEmpty()
                ? ""
                : " joined: " + joined) + " (view: " + after + ")";
        synchronized (events) {
            events.addFirst(event);
            while (events.size() > KEPT) {
                events.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<String> recent() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
