package org.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.chorus.client.FakeServer.Socket;
import org.chorus.client.spi.HttpStatusException;
import org.junit.jupiter.api.Test;

/** The first connection: login, welcome, join, messages in order, sends and their acks. */
class ConnectTest {

    private final Harness h = new Harness();

    @Test
    void logsInConnectsJoinsAndHearsTheRoomInOrder() throws Exception {
        var connected = h.client.connect().toCompletableFuture();
        assertEquals(ConnectionState.CONNECTING, h.events.take().state());
        Socket socket = h.server.accept();
        assertEquals("ws://127.0.0.1:8080/chorus/chat", socket.uri.toString());
        assertEquals("JSESSIONID=s1", socket.cookie);
        socket.welcome("node1", "t1", false, "");
        assertEquals(new Welcome("alice", "node1", false, List.of()), connected.get(5, TimeUnit.SECONDS));
        assertEquals(new ConnectionEvent(ConnectionState.CONNECTED, "node1", 0, null), h.events.take());

        var joined = h.client.join("general", h.heard::add).toCompletableFuture();
        assertFalse(socket.read("join").containsKey("since"), "a first join asks for the recent history");
        socket.joined("general", 2).message("general", 1).message("general", 2).message("general", 3);
        assertEquals(new Joined("general", 2, List.of("alice"), false), joined.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(1L, 2L, 3L), h.seqs());
        assertEquals("bob", h.heard.get(0).from());
        assertEquals("2026-11-21T10:15:30.123Z", h.heard.get(0).ts().toString());
    }

    @Test
    void theObserverSeesEveryFrameBeforeRepeatsAreDroppedAndJoiningAgainResyncs() throws Exception {
        List<Long> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Harness seen = new Harness(ChorusClient.builder(java.net.URI.create("http://127.0.0.1:8080")).observer((
                frame, arrived) -> observed.add(frame.getJsonNumber("seq") == null
                        ? -1
                        : frame.getJsonNumber("seq").longValue())));
        Socket socket = seen.joinedAt("general", 0);
        socket.message("general", 1).message("general", 2).message("general", 2).message("general", 1);
        assertEquals(List.of(-1L, 0L, 1L, 2L, 2L, 1L), observed, "welcome, joined, then every message as it came");
        assertEquals(List.of(1L, 2L), seen.seqs());
        var again = seen.client.join("general", seen.heard::add).toCompletableFuture();
        assertEquals(2, socket.read("join").getJsonNumber("since").longValue(), "a re-sync since the last seq");
        socket.joined("general", 3).message("general", 3);
        assertEquals(3, again.get(5, TimeUnit.SECONDS).seq());
        assertEquals(List.of(1L, 2L, 3L), seen.seqs());
    }

    @Test
    void aSendHasAnIdOfTheClientAndCompletesWithItsAck() throws Exception {
        Socket socket = h.joinedAt("general", 0);
        var first = h.client.send("general", "hello").toCompletableFuture();
        var second = h.client.send("general", "again").toCompletableFuture();
        JsonObject one = socket.read("send");
        JsonObject two = socket.read("send");
        assertEquals("hello", one.getString("text"));
        assertEquals("general", one.getString("room"));
        assertFalse(one.getString("id").equals(two.getString("id")), "ids are unique");
        socket.ack(one.getString("id"), "general", 1);
        assertEquals(new Ack(one.getString("id"), "general", 1), first.get(5, TimeUnit.SECONDS));
        assertFalse(second.isDone());

        var direct = h.client.direct("bob", "psst").toCompletableFuture();
        JsonObject frame = socket.read("direct");
        assertEquals("bob", frame.getString("to"));
        socket.ack(frame.getString("id"), "@alice", 1);
        assertEquals("@alice", direct.get(5, TimeUnit.SECONDS).room());
    }

    @Test
    void anErrorFailsItsSendButRateLimitsAndInternalErrorsAreTriedAgainWithTheSameId() throws Exception {
        Socket socket = h.joinedAt("general", 0);
        var tooLong = h.client.send("general", "x".repeat(5000)).toCompletableFuture();
        socket.error("too_long", socket.read("send").getString("id"));
        ChatErrorException refused = assertInstanceOf(ChatErrorException.class, failure(tooLong));
        assertEquals("too_long", refused.code());

        var limited = h.client.send("general", "soon").toCompletableFuture();
        String id = socket.read("send").getString("id");
        socket.error("rate_limited", id);
        assertEquals(id, socket.read("send").getString("id"));
        socket.error("internal", id);
        assertEquals(id, socket.read("send").getString("id"));
        socket.ack(id, "general", 1);
        assertEquals(1, limited.get(5, TimeUnit.SECONDS).seq());
    }

    @Test
    void aRateLimitThatLastsFailsTheSendAfterItsRetries() throws Exception {
        Harness once = new Harness(ChorusClient.builder(java.net.URI.create("http://127.0.0.1:8080")).retries(1));
        Socket socket = once.joinedAt("general", 0);
        var send = once.client.send("general", "hi").toCompletableFuture();
        String id = socket.read("send").getString("id");
        socket.error("rate_limited", id);
        socket.error("rate_limited", socket.read("send").getString("id"));
        assertEquals("rate_limited", assertInstanceOf(ChatErrorException.class, failure(send)).code());
    }

    @Test
    void aRefusedJoinFailsWithTheServersCode() throws Exception {
        Socket socket = h.joinedAt("general", 0);
        var join = h.client.join("@bob", h.heard::add).toCompletableFuture();
        socket.read("join");
        socket.error("forbidden", "@bob");
        assertEquals("forbidden", assertInstanceOf(ChatErrorException.class, failure(join)).code());
    }

    @Test
    void wrongCredentialsFailTheConnectAndEndTheClient() {
        h.server.refuseLogin = 401;
        var connected = h.client.connect().toCompletableFuture();
        assertEquals(401, assertInstanceOf(HttpStatusException.class, failure(connected)).status());
        assertEquals(ConnectionState.CLOSED, h.client.state());
        assertInstanceOf(ClientClosedException.class, failure(h.client.send("general", "x").toCompletableFuture()));
    }

    static Throwable failure(java.util.concurrent.CompletableFuture<?> stage) {
        return assertThrows(ExecutionException.class, () -> stage.get(5, TimeUnit.SECONDS)).getCause();
    }
}
