package org.chorus.it;

import static org.chorus.it.RunCommand.chorus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Most people in a chat only read: against {@code ./chorus up}, clients that never send a frame after joining stay
 * connected, on each node and through the balancer, far past every transport timeout on the way (the listeners' 90 s
 * read timeout cut them before the heartbeat), and the soak holds thousands of them for minutes without a drop.
 */
class QuietReadersIT {

    private static final URI BALANCER = URI.create("http://127.0.0.1:8080/chorus/");
    private static final URI NODE1 = URI.create("http://127.0.0.1:8180/chorus/");
    private static final URI NODE2 = URI.create("http://127.0.0.1:8280/chorus/");
    /** Twice the listeners' read timeout (90 s), and more than the 180 s the issue asks for. */
    private static final Duration QUIET = Duration.ofSeconds(200);
    /** How often the one talker of the room speaks: the readers' connections carry traffic, one way only. */
    private static final Duration EVERY = Duration.ofSeconds(10);
    /** The server's default ping interval. */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(25);

    @BeforeAll
    static void up() throws Exception {
        RunCommand.upForTest();
    }

    @AfterAll
    static void down() throws Exception {
        RunCommand.downIfOurs();
    }

    @Test
    void readersThatNeverSendStayConnectedAndGetEveryMessage() throws Exception {
        String room = Cluster.freshRoom("quiet");
        try (ChatClient onNode1 = ChatClient.login(NODE1, "alice", Credentials.runCommand().chat());
                ChatClient onNode2 = ChatClient.login(NODE2, "bob", Credentials.runCommand().chat());
                ChatClient throughBalancer = ChatClient.login(BALANCER, "carol", Credentials.runCommand().chat());
                ChatClient talker = ChatClient.login(NODE2, "dave", Credentials.runCommand().chat())) {
            List<ChatClient> readers = List.of(onNode1, onNode2, throughBalancer);
            for (ChatClient c : List.of(onNode1, onNode2, throughBalancer, talker)) {
                c.connect();
                c.join(room);
            }
            int planned = (int) (QUIET.toSeconds() / EVERY.toSeconds());
            Conversations.talk(talker, room, "quiet", EVERY, planned);
            String[] names = {"node1", "node2", "balancer"};
            for (int r = 0; r < readers.size(); r++) {
                ChatClient reader = readers.get(r);
                String name = names[r];
                assertFalse(reader.closed().isDone(), () -> name + ": closed with " + reader.closed().getNow(null)
                        + " within " + QUIET + " without sending");
                List<JsonObject> got = reader.messages(room, planned, ChatClient.TIMEOUT);
                for (int i = 0; i < planned; i++) {
                    assertEquals(i + 1, got.get(i).getJsonNumber("seq").longValue(), names[r] + ": seq " + (i + 1));
                }
                int expectedPings = (int) (QUIET.toSeconds() / PING_INTERVAL.toSeconds()) - 1;
                assertTrue(reader.pings() >= expectedPings, names[r] + ": " + reader.pings() + " pings, at least "
                        + expectedPings + " expected");
            }
            talker.say(room, Cluster.freshId("quiet-live"), "still there?");
            for (int r = 0; r < readers.size(); r++) {
                assertEquals("still there?", Conversations.nextMessage(readers.get(r), room).getString("text"),
                        names[r] + ": a live message after the quiet time");
            }
            System.out.printf("QuietReadersIT: 3 readers silent for %d s (node1, node2, balancer) stayed open with %s"
                    + " pings and got all %d messages%n", QUIET.toSeconds(),
                    readers.stream().map(c -> Integer
                            .toString(c.pings())).collect(Collectors.joining("/")),
                    planned + 1);
        }
    }

    @Test
    void thousandsOfReadersThroughTheBalancerSoakForThreeMinutesWithoutADrop() throws Exception {
        Path out = Path.of(System.getProperty("chorus.root", "..")).resolve("it/target/bench-soak");
        // The README's procedure: a fresh cluster is warmed by one fan-out run first. Cold, the JIT compiles the
        // delivery and join paths for a minute and more while the 2,000 clients arrive (JFR: both nodes' compiler
        // threads busy through the whole stall, the machine at 100 %), and the backlog drops readers: that is the
        // cost of a restart (issue 14, item 6), not what a soak is about.
        // Its verdict on lateness is not this test's: cold, the first seconds of 10,000 deliveries/s can fall 10 s
        // behind (CI, 2026-12-02: p50 7.4 s, and 316 messages still on their way when its 10 s wait ended). What no
        // load excuses is checked: every message it saw came once and in order.
        Path warmOut = out.resolveSibling("bench-warm");
        RunCommand.Result warm = chorus(Duration.ofMinutes(5), "bench", "fanout", "--out", warmOut.toString());
        assertTrue(Files.exists(warmOut.resolve("fanout.json")), () -> "the warm-up ran: " + warm.output());
        JsonObject warmRows = RunCommand.benchRows(warmOut, "fanout");
        for (String run : List.of("same node", "cross node")) {
            for (String zero : List.of("duplicated", "reordered", "error_frames", "disconnects")) {
                assertEquals(0, warmRows.getJsonObject(run).getJsonNumber(zero).intValue(), () -> "the warm-up, " + run
                        + ", " + zero + ": " + warm.output());
            }
        }
        System.out.println("QuietReadersIT: the warm-up " + warm.output().lines().filter(l -> l.startsWith(
                "| same node") || l.startsWith("| cross node") || l.contains("FAILED")).collect(Collectors.joining(
                        "; ")));
        RunCommand.Result soak = chorus(Duration.ofMinutes(12), "bench", "soak", "--minutes", "3", "--out", out
                .toString());
        System.out.println(soak.output().lines().filter(l -> l.startsWith("|")).collect(Collectors.joining("\n")));
        assertTrue(Files.exists(out.resolve("soak.json")), soak.output());
        JsonObject row = RunCommand.benchRows(out, "soak").getJsonObject("soak");
        assertTrue(row.getJsonNumber("deliveries_per_s").doubleValue() > 0, "deliveries");
        for (String zero : List.of("lost", "duplicated", "reordered", "disconnects", "error_frames")) {
            assertEquals(0, row.getJsonNumber(zero).intValue(), zero);
        }
        String[] open = row.getString("clients_open_at_end").split("/");
        assertEquals(open[1], open[0], "every client open at the end");
        assertEquals(0, soak.exitCode(), () -> "the soak's verdict: " + soak.output().lines().filter(l -> l.contains(
                "FAILED")).collect(Collectors.joining("; ")));
    }
}
