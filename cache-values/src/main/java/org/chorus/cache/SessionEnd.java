package org.chorus.cache;

import org.infinispan.protostream.annotations.ProtoField;

/** The mark of an HTTP session that ended, with when: every node closes the connections opened with it. */
public record SessionEnd(@ProtoField(number = 1, defaultValue = "0") long atMillis) implements ConnectionEntry {
}
