package org.chorus.cache;

import java.util.List;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * A connection's state as it fails over: its user, HTTP session ({@code ""} for none), joined rooms and user properties
 * in name order, so that equal states are equal values for a compare-and-set.
 */
public record SavedConnection(@ProtoField(number = 1) String user, @ProtoField(number = 2) String httpSession,
        @ProtoField(number = 3) List<String> rooms, @ProtoField(number = 4) List<UserProperty> properties)
        implements
            ConnectionEntry {

    public SavedConnection {
        rooms = List.copyOf(rooms);
        properties = List.copyOf(properties);
    }
}
