package org.chorus.infrastructure.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.OnlineConnections;
import org.chorus.domain.Presence;
import org.infinispan.Cache;

/**
 * The cluster-wide registry of live connections: for each (room, user), the connections ({@code node/id}) that have
 * joined the room. Updates are compare-and-set on the replicated {@code presence} cache, so exactly one update sees a
 * user's first connection arrive or last one leave.
 */
@ApplicationScoped
public class PresenceRegistry {

    @Inject
    ChatCaches caches;

    @Inject
    PresenceIndex index;

    /** Adds a connection; true when it is the user's first in the room (the user came online). */
    public boolean add(String room, String user, String connection) {
        return update(PresenceKey.of(room, user), set -> {
            set.add(connection);
            return set;
        }).wasEmpty();
    }

    /** Removes a connection; true when it was the user's last in the room (the user went offline). */
    public boolean remove(String room, String user, String connection) {
        Change change = update(PresenceKey.of(room, user), set -> {
            set.remove(connection);
            return set;
        });
        return !change.wasEmpty() && change.isEmpty();
    }

    /** The users online in a room, sorted. */
    public List<String> members(String room) {
        return index.members(room);
    }

    /** Each room with users online, and how many. */
    public Map<String, Integer> onlineCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String key : caches.presence().keySet()) {
            counts.merge(PresenceKey.room(key), 1, Integer::sum);
        }
        return counts;
    }

    /** Removes the connections of every node not in {@code liveNodes}; returns who went offline where. */
    public List<Presence> dropNodesOtherThan(Set<String> liveNodes) {
        List<Presence> offline = new ArrayList<>();
        for (String key : List.copyOf(caches.presence().keySet())) {
            Change change = update(key, set -> {
                set.removeIf(connection -> !liveNodes.contains(connection.substring(0, connection.indexOf('/'))));
                return set;
            });
            if (!change.wasEmpty() && change.isEmpty()) {
                offline.add(new Presence(PresenceKey.room(key), PresenceKey.user(key), false));
            }
        }
        return offline;
    }

    private record Change(boolean wasEmpty, boolean isEmpty) {
    }

    private Change update(String key, UnaryOperator<Set<String>> edit) {
        return ClusterRetry.call("presence " + key, () -> compareAndSet(key, edit));
    }

    private Change compareAndSet(String key, UnaryOperator<Set<String>> edit) {
        Cache<String, OnlineConnections> presence = caches.presence();
        while (true) {
            OnlineConnections old = presence.get(key);
            Set<String> set = edit.apply(old == null ? new TreeSet<>() : old.toSet());
            OnlineConnections updated = set.isEmpty() ? null : new OnlineConnections(List.copyOf(set));
            boolean done;
            if (old == null) {
                done = updated == null || presence.putIfAbsent(key, updated) == null;
            } else if (updated == null) {
                done = presence.remove(key, old);
            } else {
                done = updated.equals(old) || presence.replace(key, old, updated);
            }
            if (done) {
                return new Change(old == null, updated == null);
            }
        }
    }
}
