package org.chorus.cache;

import org.infinispan.functional.EntryView.ReadWriteEntryView;
import org.infinispan.protostream.annotations.ProtoField;

/** Removes a connection ({@code node/id}) from a (room, user); true when it was the user's last there. */
public record RemoveConnection(@ProtoField(number = 1) String connection) implements PresenceEdit {

    @Override
    public Boolean apply(ReadWriteEntryView<String, OnlineConnections> view) {
        boolean[] change = PresenceEdit.edit(view, set -> {
            set.remove(connection);
            return set;
        });
        return !change[0] && change[1];
    }
}
