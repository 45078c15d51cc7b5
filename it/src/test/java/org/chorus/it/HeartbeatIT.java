package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's heartbeat with short settings: a client that answers pings stays open without sending anything, past the
 * idle limit; one whose TCP connection stays open but that answers nothing (behind a proxy that stopped passing
 * anything on) is closed within the ping interval plus the pong timeout, its socket freed, and its room sees it offline
 * after the presence grace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeartbeatIT extends ClusterNodes {

    private static final long PING_MS = 2000;
    private static final long PONG_MS = 1000;
    private static final long IDLE_MS = 4000;
    /** The protocol's default {@code chorus.presence.grace-ms}. */
    private static final long GRACE_MS = 5000;
    /** How long the server gives a dead connection's close frame before dropping the socket (Heartbeat.DRAIN_MS). */
    private static final long DRAIN_MS = 2000;
    private static final Map<String, String> SETTINGS = Map.of("chorus.ping-interval-ms", Long.toString(PING_MS),
            "chorus.pong-timeout-ms", Long.toString(PONG_MS), "chorus.max-idle-ms", Long.toString(IDLE_MS));
    private static final Pattern DEAD = Pattern.compile("(?m)^chorus_dead_connections_total\\{[^}]*} (\\d+)$");

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(SETTINGS);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(SETTINGS);
    }

    @Test
    void aReaderThatAnswersPingsStaysOpenPastTheIdleLimit() throws Exception {
        ChatClient reader = login(node1(), "carol");
        JsonObject heartbeat = reader.connect().getJsonObject("heartbeat");
        assertEquals(PING_MS, heartbeat.getJsonNumber("interval").longValue(), "the welcome tells the ping interval");
        assertEquals(PONG_MS, heartbeat.getJsonNumber("timeout").longValue(), "... and the pong timeout");
        int pings = (int) (3 * IDLE_MS / PING_MS);
        // Three idle limits without a frame from the reader, only its (automatic) pongs.
        awaitTrue(() -> reader.pings() >= pings || reader.closed().isDone(), Duration.ofMillis((pings + 2)
                * PING_MS), "the reader's pings");
        assertFalse(reader.closed().isDone(), "a reader that answers pings is not idle; closed with " + reader
                .closed().getNow(null) + " after " + reader.pings() + " pings");
        assertTrue(reader.pings() >= pings);
    }

    @Test
    void aClientThatStopsAnsweringIsClosedAsDeadAndGoesOfflineAfterTheGrace() throws Exception {
        String room = Cluster.freshRoom("heartbeat");
        ChatClient bob = login(node2(), "bob");
        bob.connect();
        bob.join(room);
        try (FreezingProxy proxy = new FreezingProxy(node1())) {
            ChatClient alice = login(node1(), "alice").on(proxy.in(node1()));
            alice.connect();
            alice.join(room);
            presence(bob, room, "alice", "online", Duration.ofSeconds(10));
            long deadBefore = dead(reader());

            long frozen = System.nanoTime();
            proxy.freeze();
            long verdictBound = PING_MS + PONG_MS + 2000;
            ChatClient metrics = reader();
            awaitTrue(() -> dead(metrics) > deadBefore, Duration.ofMillis(verdictBound + 1000),
                    "node-1 counting the connection as dead");
            long detected = System.nanoTime();
            long toVerdict = TimeUnit.NANOSECONDS.toMillis(detected - frozen);
            assertTrue(toVerdict <= verdictBound, "closed as dead " + toVerdict + " ms after it stopped answering");

            long socketClosed = proxy.serverClosed().get(DRAIN_MS + 3000, TimeUnit.MILLISECONDS);
            long toFreed = TimeUnit.NANOSECONDS.toMillis(socketClosed - detected);
            assertTrue(toFreed <= DRAIN_MS + 1000, "the server closed its side of the TCP connection " + toFreed
                    + " ms after its verdict");

            presence(bob, room, "alice", "offline", Duration.ofMillis(GRACE_MS + 3000));
            long toOffline = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - detected);
            assertTrue(toOffline >= GRACE_MS - 1000, "offline only after the grace, not " + toOffline + " ms");
            System.out.printf("HeartbeatIT: a client that stopped answering was closed %d ms later (ping %d ms, pong"
                    + " timeout %d ms), its side of the TCP connection closed %d ms after that, offline %d ms after the close%n",
                    toVerdict, PING_MS, PONG_MS, toFreed, toOffline);
        }
    }

    /** A client for node-1's metrics page (readable from this host without a login). */
    private ChatClient reader() throws Exception {
        return ChatClient.anonymous(node1());
    }

    private static long dead(ChatClient metrics) {
        try {
            Matcher m = DEAD.matcher(metrics.get("metrics").body());
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (Exception e) {
            throw new AssertionError("metrics of node-1", e);
        }
    }

    private static void presence(ChatClient client, String room, String user, String status, Duration within)
            throws InterruptedException {
        client.next(f -> "presence".equals(f.getString("type")) && room.equals(f.getString("room")) && user.equals(f
                .getString("user")) && status.equals(f.getString("status")), user + " " + status, within);
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after {@code within}. */
    private static void awaitTrue(BooleanSupplier condition, Duration within, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + within);
            }
            Thread.sleep(50);
        }
    }
}
