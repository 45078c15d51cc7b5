package org.chorus.cache;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * A chat message as the {@code history} cache holds it under {@code room#seq}: its room and seq, client id, sender, the
 * recipient of a direct message (null for a room's), text, and the instant it was accepted to the nanosecond, so that
 * every node serves the same {@code ts} for ever.
 */
public record StoredMessage(@ProtoField(number = 1) String room,
        @ProtoField(number = 2, defaultValue = "0") long seq,
        @ProtoField(number = 3) String id,
        @ProtoField(number = 4) String from,
        @ProtoField(number = 5) String to,
        @ProtoField(number = 6) String text,
        @ProtoField(number = 7, defaultValue = "0") long epochSecond,
        @ProtoField(number = 8, defaultValue = "0") int nano) {
}
