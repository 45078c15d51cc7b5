package org.chorus.cache;

import org.infinispan.functional.EntryView.ReadWriteEntryView;
import org.infinispan.protostream.annotations.ProtoField;

/** Adds a connection ({@code node/id}) to a (room, user); true when it is the user's first there. */
public record AddConnection(@ProtoField(number = 1) String connection) implements PresenceEdit {

    @Override
    public Boolean apply(ReadWriteEntryView<String, OnlineConnections> view) {
        boolean[] change = PresenceEdit.edit(view, set -> {
            set.add(connection);
            return set;
        });
        return change[0];
    }
}
