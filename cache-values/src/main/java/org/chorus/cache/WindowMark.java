package org.chorus.cache;

import org.infinispan.protostream.annotations.ProtoField;

/** The dedupe window's mark of its restore from history: under way, or complete since the cluster started. */
public record WindowMark(@ProtoField(number = 1, defaultValue = "false") boolean complete) implements DedupeEntry {
}
