package org.chorus.cache;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * What the {@code presence} cache holds for a (room, user): the live connections ({@code node/id}) that joined the
 * room, sorted, so that equal sets are equal values for a compare-and-set.
 */
public record OnlineConnections(@ProtoField(number = 1) List<String> connections) {

    public OnlineConnections {
        connections = List.copyOf(new TreeSet<>(connections));
    }

    /** The connections as a set to change. */
    public Set<String> toSet() {
        return new TreeSet<>(connections);
    }
}
