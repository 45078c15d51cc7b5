package org.chorus.cache;

import org.infinispan.protostream.annotations.ProtoField;

/** One user property of a {@link SavedConnection}: its name and its serialized value (Base64). */
public record UserProperty(@ProtoField(number = 1) String name, @ProtoField(number = 2) String value) {
}
