package org.chorus.infrastructure.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.AddConnection;
import org.chorus.cache.KeepNodes;
import org.chorus.cache.OnlineConnections;
import org.chorus.cache.PresenceEdit;
import org.chorus.cache.RemoveConnection;
import org.chorus.domain.Presence;
import org.infinispan.functional.FunctionalMap.ReadWriteMap;
import org.infinispan.functional.impl.FunctionalMapImpl;
import org.infinispan.functional.impl.ReadWriteMapImpl;

/**
 * The cluster-wide registry of live connections: for each (room, user), the connections ({@code node/id}) that have
 * joined the room. Each change runs where the replicated {@code presence} cache keeps the key ({@link PresenceEdit}),
 * one after the other, so exactly one change sees a user's first connection arrive or last one leave.
 */
@ApplicationScoped
public class PresenceRegistry {

    @Inject
    ChatCaches caches;

    @Inject
    PresenceIndex index;

    /** The cache's functional view, made at first use (a benign race: any copy works). */
    private volatile ReadWriteMap<String, OnlineConnections> edits;

    /** Adds a connection; true when it is the user's first in the room (the user came online). */
    public boolean add(String room, String user, String connection) {
        return edit(PresenceKey.of(room, user), new AddConnection(connection));
    }

    /** Removes a connection; true when it was the user's last in the room (the user went offline). */
    public boolean remove(String room, String user, String connection) {
        return edit(PresenceKey.of(room, user), new RemoveConnection(connection));
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
        KeepNodes keep = new KeepNodes(List.copyOf(liveNodes));
        List<Presence> offline = new ArrayList<>();
        for (String key : List.copyOf(caches.presence().keySet())) {
            if (edit(key, keep)) {
                offline.add(new Presence(PresenceKey.room(key), PresenceKey.user(key), false));
            }
        }
        return offline;
    }

    /** Runs {@code change} where the key is kept, and waits for its answer. */
    private boolean edit(String key, PresenceEdit change) {
        return ClusterRetry.call("presence " + key, () -> {
            try {
                return edits().eval(key, change).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
    }

    private ReadWriteMap<String, OnlineConnections> edits() {
        ReadWriteMap<String, OnlineConnections> map = edits;
        if (map == null) {
            map = ReadWriteMapImpl.create(FunctionalMapImpl.create(caches.presence().getAdvancedCache()));
            edits = map;
        }
        return map;
    }
}
