package org.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.chorus.client.FakeServer.Socket;
import org.junit.jupiter.api.Test;

/** The protocol's failover: reconnect with the token, re-join since the last seq, re-send what had no ack. */
class ResumeTest {

    private final Harness h = new Harness();

    @Test
    void aDroppedLinkResumesWithTheTokenRejoinsSinceTheLastSeqAndSendsAgainWhatHadNoAck() throws Exception {
        Socket first = h.joinedAt("general", 0);
        first.message("general", 1).message("general", 2);
        var unacked = h.client.send("general", "lost with the node").toCompletableFuture();
        String id = first.read("send").getString("id");

        first.inbound.closed(1006, "");
        ConnectionEvent lost = h.await(ConnectionState.RECONNECTING);
        assertEquals(1, lost.attempt());
        assertEquals(1006, assertInstanceOf(ConnectionLostException.class, lost.cause()).code());
        var meanwhile = h.client.send("general", "sent while away").toCompletableFuture();

        Socket second = h.server.accept();
        assertEquals("ws://127.0.0.1:8080/chorus/chat?resume=t1", second.uri.toString());
        assertEquals("JSESSIONID=s1", second.cookie, "the same HTTP session");
        second.welcome("node2", "t2", true, "'general'");
        assertEquals(2, second.read("join").getJsonNumber("since").longValue());
        assertNull(second.written.poll(50, TimeUnit.MILLISECONDS), "nothing is sent before the re-join's answer");
        second.joined("general", 2);
        assertEquals(id, second.read("send").getString("id"), "the unacknowledged send again, with its id");
        JsonObject later = second.read("send");
        assertEquals("sent while away", later.getString("text"));
        assertEquals(new ConnectionEvent(ConnectionState.RESUMED, "node2", 1, null), h.await(
                ConnectionState.RESUMED));
        second.ack(id, "general", 3).ack(later.getString("id"), "general", 4);
        assertEquals(3, unacked.get(5, TimeUnit.SECONDS).seq());
        assertEquals(4, meanwhile.get(5, TimeUnit.SECONDS).seq());
        assertEquals("node2", h.client.node());
    }

    @Test
    void withoutABalancerEachReconnectTakesTheNextNodeAndKeepsTheSession() throws Exception {
        Harness nodes = new Harness(ChorusClient.builder(URI.create("http://10.0.0.1:8180"), URI.create(
                "http://10.0.0.2:8280")));
        Socket first = nodes.joinedAt("general", 0);
        assertEquals("ws://10.0.0.1:8180/chorus/chat", first.uri.toString());
        first.inbound.closed(1006, "");
        Socket second = nodes.server.accept();
        assertEquals("ws://10.0.0.2:8280/chorus/chat?resume=t1", second.uri.toString(), "the other node");
        assertEquals("JSESSIONID=s1", second.cookie, "the same HTTP session, no new login");
        second.inbound.failed(new java.io.IOException("connection refused"));
        Socket third = nodes.server.accept();
        assertEquals("ws://10.0.0.1:8180/chorus/chat?resume=t1", third.uri.toString(), "round the list");
        third.welcome("node1", "t1", true, "'general'");
        third.read("join");
        third.joined("general", 0);
        assertEquals("node1", nodes.await(ConnectionState.RESUMED).node());
    }

    @Test
    void aReJoinRefusedForTheRateLimitPastItsRetriesIsTriedAgainNotDropped() throws Exception {
        Harness limited = new Harness(ChorusClient.builder(URI.create("http://127.0.0.1:8080")).retries(1));
        Socket first = limited.joinedAt("general", 0);
        first.message("general", 1);
        first.inbound.closed(1006, "");
        Socket second = limited.server.accept().welcome("node2", "t1", true, "'general'");
        for (int refusal = 0; refusal < 3; refusal++) { // a long outage's replay used up the join budget
            assertEquals(1, second.read("join").getJsonNumber("since").longValue());
            second.error("rate_limited", "general");
        }
        assertEquals(1, second.read("join").getJsonNumber("since").longValue());
        second.joined("general", 3).message("general", 2).message("general", 3);
        assertEquals("node2", limited.await(ConnectionState.RESUMED).node());
        assertEquals(List.of(1L, 2L, 3L), limited.seqs());
    }

    @Test
    void aTruncatedReJoinLostBeforeItsReplayAsksAgainSinceWhatTheListenerHas() throws Exception {
        Socket first = h.joinedAt("general", 0);
        first.message("general", 1);
        first.inbound.closed(1006, "");
        Socket second = h.server.accept().welcome("node2", "t1", true, "'general'");
        assertEquals(1, second.read("join").getJsonNumber("since").longValue());
        second.write("{'type':'joined','room':'general','seq':90,'members':['alice'],'truncated':true}");
        second.inbound.closed(1006, ""); // before the first replayed message
        Socket third = h.server.accept().welcome("node1", "t1", true, "'general'");
        assertEquals(1, third.read("join").getJsonNumber("since").longValue(), "not since 90: 2..90 are owed");
    }

    @Test
    void repeatsAndDisorderAfterAResumeReachTheListenerOnceAndInOrder() throws Exception {
        Socket first = h.joinedAt("general", 0);
        first.message("general", 1).message("general", 2).message("general", 3);
        first.inbound.failed(new java.io.IOException("reset"));
        Socket second = h.server.accept().welcome("node2", "t2", true, "'general'");
        assertEquals(3, second.read("join").getJsonNumber("since").longValue());
        second.joined("general", 5).message("general", 3).message("general", 4).message("general", 4);
        second.message("general", 6); // 5 is missing: the client asks again since 4 rather than deliver 6 early
        assertEquals(4, second.read("join").getJsonNumber("since").longValue());
        second.message("general", 2).joined("general", 6).message("general", 5).message("general", 6).message(
                "general", 6);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), h.seqs());
    }

    @Test
    void aHandshakeRefusedWith401LogsInAgainFirst() throws Exception {
        Socket first = h.joinedAt("general", 0);
        h.server.refuseNext = 401;
        first.inbound.closed(1001, "going away");
        assertEquals(1, h.await(ConnectionState.RECONNECTING).attempt());
        assertEquals(2, h.await(ConnectionState.RECONNECTING).attempt(), "the refused handshake was attempt 1");
        Socket second = h.server.accept();
        assertEquals(2, h.server.logins.get());
        assertEquals("JSESSIONID=s2", second.cookie);
        assertTrue(second.uri.toString().endsWith("?resume=t1"));
    }

    @Test
    void aLogoutEndsTheClientWithoutReconnecting() throws Exception {
        Socket first = h.joinedAt("general", 0);
        first.inbound.closed(1008, "logged out");
        ConnectionEvent closed = h.await(ConnectionState.CLOSED);
        assertEquals(1008, assertInstanceOf(ConnectionLostException.class, closed.cause()).code());
        assertNull(h.server.opened.poll(100, TimeUnit.MILLISECONDS), "no reconnect after 1008");
    }

    @Test
    void aServerSilentPastItsHeartbeatIsLeftAndOneThatPingsIsNot() throws Exception {
        var connected = h.client.connect().toCompletableFuture();
        Socket first = h.server.accept().write("{'type':'welcome','user':'alice','node':'node1','resume':'t1',"
                + "'resumed':false,'rooms':[],'heartbeat':{'interval':100,'timeout':100}}");
        connected.get(5, TimeUnit.SECONDS);
        h.events.clear();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
        while (System.nanoTime() < until) { // pings every 20 ms for 600 ms: far more than the 200 ms it may stay quiet
            first.inbound.ping();
            assertNull(h.events.poll(20, TimeUnit.MILLISECONDS), "a server that pings is alive");
        }
        ConnectionEvent left = h.await(ConnectionState.RECONNECTING);
        assertTrue(assertInstanceOf(ConnectionLostException.class, left.cause()).silent());
        assertTrue(first.aborted, "the silent connection is dropped");
        assertFalse(h.server.accept().uri.toString().isEmpty());
    }
}
