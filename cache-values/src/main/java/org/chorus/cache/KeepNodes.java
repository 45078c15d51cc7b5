package org.chorus.cache;

import java.util.List;
import java.util.Set;

import org.infinispan.functional.EntryView.ReadWriteEntryView;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * Removes from a (room, user) the connections of every node not in {@code nodes} (those that left the cluster view);
 * true when that took the user's last connection there.
 */
public record KeepNodes(@ProtoField(number = 1) List<String> nodes) implements PresenceEdit {

    public KeepNodes {
        nodes = List.copyOf(nodes);
    }

    @Override
    public Boolean apply(ReadWriteEntryView<String, OnlineConnections> view) {
        Set<String> live = Set.copyOf(nodes);
        boolean[] change = PresenceEdit.edit(view, set -> {
            set.removeIf(connection -> !live.contains(connection.substring(0, connection.indexOf('/'))));
            return set;
        });
        return !change[0] && change[1];
    }
}
