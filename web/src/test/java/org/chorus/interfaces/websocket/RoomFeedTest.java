package org.chorus.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.chorus.application.RoomService;
import org.chorus.domain.ChatMessage;
import org.junit.jupiter.api.Test;

class RoomFeedTest {

    /** History in memory: what the cluster stored, whatever the topic does with it. */
    private static final class History extends RoomService {

        final TreeMap<Long, ChatMessage> stored = new TreeMap<>();
        /** The seqs read by {@link #range}, in order. */
        final List<Long> read = new ArrayList<>();

        ChatMessage store(long seq) {
            ChatMessage m = new ChatMessage("general", seq, "m-" + seq, "alice", null, "text " + seq, Instant.EPOCH);
            stored.put(seq, m);
            return m;
        }

        @Override
        public long latest(String room) {
            return stored.isEmpty() ? 0 : stored.lastKey();
        }

        @Override
        public long latest(String room, long stored) {
            return latest(room);
        }

        @Override
        public long firstKept(long latest) {
            return Math.max(1, latest - 9);
        }

        @Override
        public long defaultSince(long latest) {
            return Math.max(0, latest - 3);
        }

        @Override
        public List<ChatMessage> range(String room, long from, long to) {
            List<ChatMessage> messages = from > to
                    ? List.of()
                    : List.copyOf(stored.subMap(from, true, to, true)
                            .values());
            messages.forEach(m -> read.add(m.seq()));
            return messages;
        }
    }

    private final History history = new History();
    private final RoomFeed feed = new RoomFeed("general", 0, 4);

    @Test
    void outOfOrderDuplicatedAndLostTopicMessagesReachMembersInSeqOrderOnce() {
        List<String> frames = new ArrayList<>();
        feed.join(session("s1", frames), null, history, List.of("alice"));
        for (long seq = 1; seq <= 6; seq++) {
            history.store(seq);
        }
        // The topic brings 2, 1, 2 again, 5 (3 and 4 lost), 6, 4.
        for (long seq : new long[]{2, 1, 2, 5, 6, 4}) {
            feed.deliver(history.stored.get(seq), history);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seqs(frames, "message"));
    }

    @Test
    void aMessageWhoseForerunnerIsNotYetReplicatedHereWaitsForItInsteadOfSkippingIt() {
        List<String> frames = new ArrayList<>();
        feed.join(session("s1", frames), 0L, history, List.of());
        feed.deliver(history.store(1), history);
        ChatMessage second = new ChatMessage("general", 2, "m-2", "bob", null, "text 2", Instant.EPOCH);
        // 3 arrives from the topic while 2, stored on the other node, has not reached this node's history yet.
        feed.deliver(history.store(3), history);
        assertEquals(List.of(1L), seqs(frames, "message"));
        history.stored.put(2L, second);
        feed.deliver(second, history);
        feed.catchUp(history);
        assertEquals(List.of(1L, 2L, 3L), seqs(frames, "message"));
    }

    @Test
    void catchUpDeliversWhatTheTopicLostAtTheEnd() {
        List<String> frames = new ArrayList<>();
        feed.join(session("s1", frames), 0L, history, List.of());
        feed.deliver(history.store(1), history);
        history.store(2); // never arrives from the topic
        feed.catchUp(history);
        feed.catchUp(history);
        assertEquals(List.of(1L, 2L), seqs(frames, "message"));
    }

    @Test
    void joinSinceReplaysTheMissingMessagesThenTheLiveOnesMeetWithoutGapOrDuplicate() {
        for (long seq = 1; seq <= 12; seq++) {
            history.store(seq);
        }
        List<String> frames = new ArrayList<>();
        feed.join(session("s1", frames), 8L, history, List.of("alice"));
        feed.deliver(history.stored.get(12L), history); // already replayed
        feed.deliver(history.store(13), history);
        JsonObject joined = json(frames.get(0));
        assertEquals(12, joined.getInt("seq"));
        assertEquals(false, joined.getBoolean("truncated"));
        assertEquals(List.of(9L, 10L, 11L, 12L, 13L), seqs(frames, "message"));
    }

    @Test
    void aJoinFromBeforeTheRetainedHistoryIsTruncatedAndWithoutSinceReplaysTheDefault() {
        for (long seq = 1; seq <= 20; seq++) {
            history.store(seq);
        }
        List<String> old = new ArrayList<>();
        feed.join(session("s1", old), 2L, history, List.of());
        assertEquals(true, json(old.get(0)).getBoolean("truncated"));
        assertEquals(11L, seqs(old, "message").get(0), "replay starts at the oldest kept message");

        List<String> fresh = new ArrayList<>();
        feed.join(session("s2", fresh), null, history, List.of());
        assertEquals(List.of(18L, 19L, 20L), seqs(fresh, "message"));
    }

    @Test
    void aJoinReturnsHowManyMessagesItReplayed() {
        for (long seq = 1; seq <= 8; seq++) {
            history.store(seq);
        }
        assertEquals(6, feed.join(session("s1", new ArrayList<>()), 2L, history, List.of()));
        assertEquals(3, feed.join(session("s2", new ArrayList<>()), null, history, List.of()), "the default replay");
    }

    @Test
    void aFeedWithMembersIsNotRetiredAndARetiredFeedTakesNoJoin() {
        Session s1 = session("s1", new ArrayList<>());
        feed.join(s1, null, history, List.of());
        assertFalse(feed.retireIfEmpty(), "a member is left");
        feed.leave(s1);
        assertTrue(feed.retireIfEmpty());
        List<String> late = new ArrayList<>();
        assertEquals(RoomFeed.RETIRED, feed.join(session("s2", late), null, history, List.of()));
        assertEquals(List.of(), late, "nothing was sent on the retired feed");
    }

    @Test
    void aJoinReplaysWhatTheFeedDeliveredWithoutReadingHistoryAndReadsOnlyWhatItDoesNotKeep() {
        List<String> first = new ArrayList<>();
        feed.join(session("s1", first), null, history, List.of());
        for (long seq = 1; seq <= 6; seq++) {
            feed.deliver(history.store(seq), history);
        }
        history.read.clear();
        List<String> resumed = new ArrayList<>();
        assertEquals(3, feed.join(session("s2", resumed), 3L, history, List.of()));
        assertEquals(List.of(4L, 5L, 6L), seqs(resumed, "message"));
        assertEquals(List.of(), history.read, "4 to 6 are among the last 4 delivered");

        List<String> further = new ArrayList<>();
        feed.join(session("s3", further), 0L, history, List.of());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seqs(further, "message"));
        assertEquals(List.of(1L, 2L), history.read, "only what the feed no longer keeps is read");
        assertEquals(first.subList(1, first.size()), further.subList(1, further.size()),
                "the same frames as the live members got");
    }

    @Test
    void aFeedThatSkippedSeqsPastRetentionReplaysFromHistory() {
        List<String> frames = new ArrayList<>();
        feed.join(session("s1", frames), null, history, List.of());
        feed.deliver(history.store(1), history);
        for (long seq = 2; seq <= 14; seq++) {
            history.store(seq);
        }
        history.stored.headMap(5L).clear(); // out of retention (firstKept: latest - 9)
        feed.deliver(history.store(15), history); // the feed skips to 6
        history.read.clear();
        List<String> late = new ArrayList<>();
        feed.join(session("s2", late), 5L, history, List.of());
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L), seqs(late, "message"));
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L), history.read);
    }

    private static List<Long> seqs(List<String> frames, String type) {
        return frames.stream().map(RoomFeedTest::json).filter(f -> type.equals(f.getString("type"))).map(f -> f
                .getJsonNumber("seq").longValue()).toList();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** A connection that records what is sent to it. */
    private static Session session(String id, List<String> frames) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(RoomFeedTest.class
                .getClassLoader(), new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        frames.add((String) args[0]);
                    }
                    return null;
                });
        ChatPrincipal principal = new ChatPrincipal("alice", "http-" + id, null);
        java.util.Map<String, Object> properties = new java.util.concurrent.ConcurrentHashMap<>();
        return (Session) Proxy.newProxyInstance(RoomFeedTest.class.getClassLoader(), new Class<?>[]{Session.class}, (
                proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "getAsyncRemote" -> remote;
                    case "getUserPrincipal" -> principal;
                    case "getUserProperties" -> properties;
                    case "getId" -> id;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
