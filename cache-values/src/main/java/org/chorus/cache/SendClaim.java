package org.chorus.cache;

import java.util.List;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * A send being stored: when its writer claimed it ({@code 0} for a claim that a writer abandoned long ago), and the
 * latest seq of each room it goes to at that moment, in the order it stores them, so that a writer taking the claim
 * over finds what the first one stored after them.
 */
public record SendClaim(@ProtoField(number = 1, defaultValue = "0") long claimedAt,
        @ProtoField(number = 2) List<RoomSeq> latest) implements DedupeEntry {

    public SendClaim {
        latest = List.copyOf(latest);
    }
}
