package org.chorus.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.junit.jupiter.api.Test;

/** The cache values round-trip through ProtoStream as the cache container marshals them. */
class CacheSchemaTest {

    private final SerializationContext context = ProtobufUtil.newSerializationContext();

    CacheSchemaTest() {
        new CacheSchemaImpl().register(context);
    }

    @Test
    void aTokenBucketRoundTripsAndEqualBucketsMarshalAlike() throws Exception {
        TokenBucket bucket = new TokenBucket(12.25, 1234567890123L, true);
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context, bucket);
        assertEquals(bucket, ProtobufUtil.fromWrappedByteArray(context, bytes));
        assertArrayEquals(bytes, ProtobufUtil.toWrappedByteArray(context, new TokenBucket(12.25, 1234567890123L, true)),
                "equal buckets marshal to the same bytes");
    }

    @Test
    void theDedupeWindowsEntriesRoundTripAndAClaimKeepsItsRoomsInOrder() throws Exception {
        SendClaim claim = new SendClaim(1234567890123L, List.of(new RoomSeq("@bob", 7), new RoomSeq("@alice", 3)));
        for (DedupeEntry entry : List.of(claim, new SendClaim(0, List.of()), new RoomSeq("general", 58),
                new WindowMark(false), new WindowMark(true))) {
            assertRoundTrips(entry);
        }
    }

    @Test
    void theConnectionsEntriesRoundTripWithEmptyStringsAndLists() throws Exception {
        for (ConnectionEntry entry : List.of(new SavedConnection("alice", "s1", List.of("general", "@alice"), List.of(
                new UserProperty("a", "rO0A"), new UserProperty("b", ""))), new SavedConnection("bob", "", List.of(),
                        List.of()),
                new SessionTokens(List.of("t1", "t2")), new SessionTokens(List.of()).with("t3"),
                new SessionEnd(1234567890123L))) {
            assertRoundTrips(entry);
        }
    }

    @Test
    void aUsersConnectionsInARoomAreKeptSortedAndRoundTrip() throws Exception {
        OnlineConnections online = new OnlineConnections(List.of("node2/b", "node1/a", "node1/a"));
        assertEquals(List.of("node1/a", "node2/b"), online.connections(), "sorted, once each");
        assertRoundTrips(online);
    }

    @Test
    void aStoredMessageKeepsItsInstantToTheNanosecondAndANullRecipient() throws Exception {
        for (StoredMessage message : List.of(new StoredMessage("general", 58, "m-1", "alice", null,
                "hello \ud83d\ude00", 1764645618L, 490950480),
                new StoredMessage("@bob", 3, "m-2", "alice", "bob", "",
                        0, 0))) {
            assertRoundTrips(message);
        }
    }

    @Test
    void anEmptyBucketKeepsItsZeroes() throws Exception {
        assertRoundTrips(new TokenBucket(0, 0, false));
    }

    @Test
    void aTakeTokenFunctionRoundTrips() throws Exception {
        assertRoundTrips(new TakeToken(1234567890123L, 20, 40));
    }

    @Test
    void thePresenceChangesRoundTrip() throws Exception {
        assertRoundTrips(new AddConnection("node1/a"));
        assertRoundTrips(new RemoveConnection("node2/b"));
        assertRoundTrips(new KeepNodes(List.of("node1", "node2")));
    }

    /**
     * The value reads back equal, and marshals again to the same bytes: a conditional replace or remove on a cache that
     * holds bytes (off-heap) finds the value it read equal.
     */
    private void assertRoundTrips(Object value) throws Exception {
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context, value);
        Object read = ProtobufUtil.fromWrappedByteArray(context, bytes);
        assertEquals(value, read);
        assertArrayEquals(bytes, ProtobufUtil.toWrappedByteArray(context, read), value::toString);
    }
}
