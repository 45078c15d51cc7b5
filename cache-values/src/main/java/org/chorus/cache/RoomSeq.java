package org.chorus.cache;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * A room and a seq in it: where a send was stored (what its ack names), or, in a {@link SendClaim}, the room's latest
 * seq when the claim was made.
 */
public record RoomSeq(@ProtoField(number = 1) String room, @ProtoField(number = 2, defaultValue = "0") long seq)
        implements
            DedupeEntry {
}
