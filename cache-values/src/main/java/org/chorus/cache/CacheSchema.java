package org.chorus.cache;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/**
 * The ProtoStream schema of Chorus's cache values: the annotation processor generates its marshallers and registers
 * them as a service, which the {@code chorus} cache container ({@code marshaller=PROTOSTREAM}) loads from this module.
 */
@ProtoSchema(includeClasses = {StoredMessage.class, TokenBucket.class, TakeToken.class, RoomSeq.class, SendClaim.class,
        WindowMark.class, SavedConnection.class, UserProperty.class, SessionTokens.class, SessionEnd.class,
        OnlineConnections.class, AddConnection.class, RemoveConnection.class,
        KeepNodes.class}, schemaPackageName = "org.chorus.cache", schemaFileName = "chorus-cache.proto", schemaFilePath = "proto")
public interface CacheSchema extends GeneratedSchema {
}
