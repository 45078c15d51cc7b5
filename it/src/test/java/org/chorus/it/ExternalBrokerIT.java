package org.chorus.it;

import static org.chorus.it.Conversations.awaitClusterCarries;
import static org.chorus.it.RunCommand.chorus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The external-broker topology: {@code ./chorus up --broker external} runs the same EAR against a standalone Artemis;
 * the broker is killed and started again mid-chat, and every client still sees every message of its room once and in
 * order (what the topic missed comes from history), and a logout with the broker down still closes every socket of the
 * session. {@code ./chorus down} always, even when the test fails.
 */
class ExternalBrokerIT {

    private static final URI BALANCER = URI.create("http://127.0.0.1:8080/chorus/");
    private static final URI NODE1 = URI.create("http://127.0.0.1:8180/chorus/");
    private static final URI NODE2 = URI.create("http://127.0.0.1:8280/chorus/");
    private static final int PER_PHASE = 10;
    private static final int WHILE_DOWN = 3;

    @BeforeAll
    static void up() throws Exception {
        RunCommand.Result up = RunCommand.upForTest("--broker", "external");
        assertTrue(up.output().contains("broker running"), up.output());
        assertTrue(chorus(Duration.ofMinutes(1), "status").output().contains("external"), "status shows the broker");
    }

    @AfterAll
    static void down() throws Exception {
        RunCommand.downIfOurs();
    }

    @Test
    void clientsKeepChattingThroughABrokerRestartAndNothingIsLost() throws Exception {
        try (ChatClient alice = ChatClient.login(NODE1, "alice", Credentials.runCommand().chat());
                ChatClient bob = ChatClient.login(NODE2, "bob", Credentials.runCommand().chat());
                ChatClient carol = ChatClient.login(BALANCER, "carol", Credentials.runCommand().chat())) {
            alice.connect();
            bob.connect();
            carol.connect();
            awaitClusterCarries(alice, bob, Duration.ofSeconds(60));
            String room = Cluster.freshRoom("broker");
            for (ChatClient c : List.of(alice, bob, carol)) {
                c.join(room);
            }
            int sent = say(alice, room, "before", PER_PHASE);

            chorus(Duration.ofMinutes(1), "kill", "broker").orFail("./chorus kill broker");
            long down = System.nanoTime();
            sent += say(bob, room, "while-down", WHILE_DOWN); // stored and acked; the nodes deliver them from history
            long whileDown = System.nanoTime() - down;
            // Readiness tells: node1 cannot publish, so it is not ready (503, its topic check down).
            readinessWithin(NODE1, 503, r -> r.toString().contains("\"name\":\"chorus-topic\",\"status\":\"DOWN\""),
                    Duration.ofSeconds(20));

            chorus(Duration.ofMinutes(3), "start", "broker").orFail("./chorus start broker");
            long started = System.nanoTime();
            awaitClusterCarries(bob, alice, Duration.ofSeconds(90)); // the topic carries messages again
            readinessWithin(NODE1, 200, r -> "UP".equals(r.getString("status")), Duration.ofSeconds(30));
            System.out.printf("ExternalBrokerIT: %d sends acked in %d ms with the broker down; the topic carried a"
                    + " message again %d ms after the broker was started%n", WHILE_DOWN, whileDown / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
            sent += say(alice, room, "after-a", PER_PHASE);
            sent += say(bob, room, "after-b", PER_PHASE);

            for (ChatClient c : List.of(alice, bob, carol)) {
                List<JsonObject> got = c.messages(room, sent, Duration.ofSeconds(30));
                for (int i = 0; i < sent; i++) {
                    assertEquals(i + 1, got.get(i).getJsonNumber("seq").longValue(),
                            "seq " + (i + 1) + " once, in order");
                }
                assertEquals(sent, got.size());
            }
        }
    }

    /**
     * With the broker down, the logout's announcement on the topic cannot go out; every node still closes the session's
     * sockets (1008) within 2 s, from the session's end recorded in the cluster (issue 15, item 3).
     */
    @Test
    void aLogoutClosesTheSessionsSocketsOnEveryNodeWithinTwoSecondsWithTheBrokerDown() throws Exception {
        try (ChatClient onNode1 = ChatClient.login(NODE1, "dave", Credentials.runCommand().chat());
                ChatClient onNode2 = onNode1.on(NODE2);
                ChatClient other = ChatClient.login(NODE2, "dave", Credentials.runCommand().chat())) {
            onNode1.connect();
            onNode2.connect();
            other.connect();
            chorus(Duration.ofMinutes(1), "kill", "broker").orFail("./chorus kill broker");
            try {
                long logout = System.nanoTime();
                assertEquals(204, onNode1.delete("api/session").statusCode());
                for (ChatClient c : List.of(onNode1, onNode2)) {
                    long left = Duration.ofSeconds(2).toNanos() - (System.nanoTime() - logout);
                    int code = c.closed().get(Math.max(0, left), TimeUnit.NANOSECONDS);
                    assertEquals(1008, code, "closed as the session ended");
                }
                System.out.printf("ExternalBrokerIT: with the broker down, the logged-out session's sockets on both"
                        + " nodes closed %d ms after the logout%n", (System.nanoTime() - logout) / 1_000_000);
                other.send(Json.createObjectBuilder().add("type", "ping").build());
                assertEquals("pong", other.next("pong").getString("type"), "the user's other session stays");
                assertFalse(other.closed().isDone());
            } finally {
                chorus(Duration.ofMinutes(3), "start", "broker").orFail("./chorus start broker");
            }
        }
    }

    /** Polls the node's readiness until it answers {@code status} with a report that matches; fails after within. */
    private static void readinessWithin(URI node, int status, Predicate<JsonObject> report, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var answer = ChatClient.anonymous(node).get("api/health/ready");
            if (answer.statusCode() == status && report.test(Json.createReader(new StringReader(answer.body()))
                    .readObject())) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "readiness still " + answer.statusCode() + " after " + within
                    + ": " + answer.body());
            Thread.sleep(200);
        }
    }

    /**
     * Sends {@code count} messages; each must be acked, also while the broker is away (stored, then published or not).
     */
    private static int say(ChatClient client, String room, String prefix, int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            JsonObject answer = client.say(room, room + "-" + prefix + "-" + i, prefix + " " + i);
            assertEquals("ack", answer.getString("type"), answer.toString());
        }
        return count;
    }
}
