package org.chorus.it;

import static org.chorus.it.Conversations.awaitClusterCarries;
import static org.chorus.it.Conversations.nextMessage;
import static org.chorus.it.RunCommand.chorus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first command seen from outside: {@code ./chorus up}, clients through the balancer and on node2, a crash
 * of node1 and its return, {@code ./chorus down} (always, even when a test fails).
 */
class RunCommandIT {

    private static final URI BALANCER = URI.create("http://127.0.0.1:8080/chorus/");
    private static final URI BALANCER_TLS = URI.create("https://127.0.0.1:8443/chorus/");
    private static final URI NODE1 = URI.create("http://127.0.0.1:8180/chorus/");
    private static final URI NODE2 = URI.create("http://127.0.0.1:8280/chorus/");
    private static final Path ROOT = Path.of(System.getProperty("chorus.root", ".."));

    @BeforeAll
    static void up() throws Exception {
        RunCommand.Result up = RunCommand.upForTest();
        assertTrue(up.output().contains("Chorus is up"), up.output());
        assertTrue(up.output().contains("alice, bob, carol, dave"), "demo users are printed");
        assertTrue(up.output().contains("http://127.0.0.1:9990/console"), "the admin console is printed");
        RunCommand.Result again = chorus(Duration.ofMinutes(1), "up").orFail("./chorus up when up");
        assertTrue(again.output().contains("Chorus is up"), "up again only says where things are: " + again.output());
        secondUp = again.output();
    }

    private static String secondUp;

    /**
     * Issue 15, items 1 and 2: the passwords are made at the first up, differ from each other (the management user's
     * never a chat user's), sit in a file only its owner reads, are shown only once, and no process of the running
     * domain has one on its command line.
     */
    @Test
    void passwordsAreMadeOnceKeptPrivateAndOnNoCommandLine() throws Exception {
        Path file = ROOT.resolve("target/wildfly/.chorus/credentials");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        Credentials c = Credentials.runCommand();
        List<String> secrets = List.of(c.chat(), c.admin(), c.inbound(), c.management(), c.tls());
        assertEquals(5, secrets.stream().distinct().count(), "five different passwords");
        for (String secret : secrets) {
            assertTrue(secret.length() >= 16 && !secret.equals("chorus-demo"), "a made password, not a default");
            assertFalse(secondUp.contains(secret), "the second up does not show a password again");
        }
        assertTrue(secondUp.contains("target/wildfly/.chorus/credentials"), "it says where they are");
        List<String> found = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                } catch (IOException gone) {
                    continue;
                }
                secrets.stream().filter(cmdline::contains).forEach(x -> found.add(proc.getFileName() + ": " + cmdline
                        .replace('\0', ' ')));
                if (cmdline.contains("cluster-password=")) {
                    found.add(proc.getFileName() + " has the Artemis cluster password");
                }
            }
        }
        assertEquals(List.of(), found, "processes with a password on their command line");

        // The servers' own secrets are in the configuration only encrypted, with a key only the owner can read.
        Path configuration = ROOT.resolve("target/wildfly/domain/configuration");
        String domain = Files.readString(configuration.resolve("domain.xml"));
        assertTrue(domain.matches("(?s).*<cluster password=\"\\$\\{ENC::chorus:[^}]+}\".*"),
                "cluster password encrypted");
        assertTrue(domain.matches("(?s).*<key-store name=\"chorus-tls\".*clear-text=\"\\$\\{ENC::chorus:.*"),
                "key store password encrypted");
        secrets.forEach(secret -> assertFalse(domain.contains(secret), "a password in clear in domain.xml"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(configuration.resolve(
                "chorus.keys")));
    }

    /**
     * Issue 15, item 8: the balancer serves HTTPS and WSS on 8443 with the key store the first up made; the session
     * cookie is {@code Secure} there (and only there), the browser's https origin is accepted although the nodes see
     * http, a foreign origin is not, and a client over WSS chats with one over plain WS.
     */
    @Test
    void theBalancerServesHttpsAndWss() throws Exception {
        Credentials c = Credentials.runCommand();
        SSLContext tls = BalancerTls.trusting(ROOT.resolve("target/wildfly/.chorus/balancer-tls.p12"), c
                .tls());
        try (ChatClient alice = ChatClient.anonymous(BALANCER_TLS, tls);
                ChatClient bob = ChatClient.anonymous(BALANCER)) {
            HttpResponse<String> secure = alice.postSession("alice", c.chat());
            assertEquals(200, secure.statusCode(), secure.body());
            String cookie = BalancerTls.sessionCookie(secure);
            assertTrue(BalancerTls.secure(cookie), "Secure over HTTPS: " + cookie);
            assertTrue(cookie.matches("(?i).*;\\s*httponly.*") && cookie.matches("(?i).*samesite=lax.*"), cookie);
            HttpResponse<String> plain = bob.postSession("bob", c.chat());
            assertEquals(200, plain.statusCode(), plain.body());
            assertFalse(BalancerTls.secure(BalancerTls.sessionCookie(plain)), "not Secure over plain HTTP");

            ExecutionException refused = assertThrows(
                    ExecutionException.class, () -> alice.connectFrom("https://evil.example"));
            assertEquals(403, assertInstanceOf(
                    WebSocketHandshakeException.class, refused.getCause()).getResponse().statusCode(),
                    "a foreign origin is refused over WSS");
            assertEquals("welcome", alice.connectFrom("https://127.0.0.1:8443").getString("type"));
            bob.connectFrom("http://127.0.0.1:8080");
            String room = Cluster.freshRoom("tls");
            alice.join(room);
            bob.join(room);
            alice.say(room, Cluster.freshId("tls"), "over wss");
            assertEquals("over wss", nextMessage(bob, room).getString("text"));
            bob.say(room, Cluster.freshId("tls"), "over ws");
            assertEquals("over wss", nextMessage(alice, room).getString("text"));
            assertEquals("over ws", nextMessage(alice, room).getString("text"));
        }
    }

    @AfterAll
    static void down() throws Exception {
        RunCommand.downIfOurs();
    }

    @Test
    void aClientThroughTheBalancerAndOneOnNode2ExchangeMessages() throws Exception {
        try (ChatClient alice = ChatClient.login(BALANCER, "alice", Credentials.runCommand().chat());
                ChatClient bob = ChatClient.login(NODE2, "bob", Credentials.runCommand().chat())) {
            alice.connect();
            assertEquals("node2", bob.connect().getString("node"));
            awaitClusterCarries(alice, bob, Duration.ofSeconds(60));
            String room = Cluster.freshRoom("smoke");
            alice.join(room);
            bob.join(room);
            alice.say(room, Cluster.freshId("smoke"), "hello via 8080");
            assertEquals("hello via 8080", nextMessage(bob, room).getString("text"));
            assertEquals("hello via 8080", nextMessage(alice, room).getString("text"), "alice's own message");
            bob.say(room, Cluster.freshId("smoke"), "hello from node2");
            assertEquals("hello from node2", nextMessage(alice, room).getString("text"));

            // Another system posts through the inbound queue with the Artemis client (./chorus post).
            chorus(Duration.ofMinutes(3), "post", "--room", room, "--text", "Build 1234 passed", "--id",
                    Cluster.freshId("build"))
                    .orFail("./chorus post");
            JsonObject posted = nextMessage(alice, room);
            assertEquals("build-bot", posted.getString("from"), posted.toString());
            assertEquals("Build 1234 passed", posted.getString("text"));
            assertEquals(3, posted.getJsonNumber("seq").longValue(), "the post is the room's third message");
        }
    }

    @Test
    void theBenchmarkSmokeRunsCleanAgainstTheCluster() throws Exception {
        Path out = Path.of(System.getProperty("chorus.root", "..")).resolve("it/target/bench-smoke");
        RunCommand.Result smoke = chorus(Duration.ofMinutes(2), "bench", "smoke", "--out", out.toString());
        System.out.println(smoke.output().lines().filter(l -> l.startsWith("|")).collect(Collectors.joining("\n")));
        assertEquals(0, smoke.exitCode(), smoke.output());
        JsonObject rows = RunCommand.benchRows(out, "smoke");
        for (String run : List.of("same node", "cross node")) {
            JsonObject row = rows.getJsonObject(run);
            assertTrue(row.getJsonNumber("deliveries_per_s").doubleValue() > 0, run + ": deliveries");
            for (String zero : List.of("lost", "duplicated", "reordered", "error_frames", "rate_limited",
                    "disconnects")) {
                assertEquals(0, row.getJsonNumber(zero).intValue(), run + ": " + zero);
            }
            String[] open = row.getString("clients_open_at_end").split("/");
            assertEquals(open[1], open[0], run + ": every client open at the end");
        }
        assertTrue(Files.size(out.resolve("smoke-latency.png")) > 0, "the latency chart");
    }

    @Test
    void theWebSocketStackPassesAutobahnOnANodeAndThroughTheBalancer() throws Exception {
        for (Autobahn.Run run : Autobahn.fuzz(List.of(NODE1.resolve("/"), BALANCER.resolve("/")))) {
            String[] lines = run.output().strip().split("\n");
            System.out.println(lines[lines.length - 1]);
            assertEquals(0, run.exitCode(), run.echo() + ":\n" + run.output());
        }
    }

    @Test
    void afterKillingNode1ItsClientsResumeOnNode2WithEveryMessageOnceAndInOrder() throws Exception {
        String room = Cluster.freshRoom("crash");
        try (ChatClient bob = ChatClient.login(NODE1, "bob", Credentials.runCommand().chat());
                ChatClient carol = ChatClient.login(NODE1, "carol", Credentials.runCommand().chat());
                ChatClient alice = ChatClient.login(NODE2, "alice", Credentials.runCommand().chat())) {
            bob.connect();
            String token = carol.connect().getString("resume");
            alice.connect();
            bob.join(room);
            carol.join(room);
            assertTrue(alice.join(room).getJsonArray("members").toString().contains("\"bob\""), "bob is online");
            List<Follower> followers = new java.util.ArrayList<>();
            for (int i = 0; i < FOLLOWERS; i++) {
                followers.add(Follower.on(NODE1, BALANCER, i % 2 == 0 ? "carol" : "dave", room));
            }
            for (int i = 1; i <= 3; i++) {
                alice.say(room, room + "-before-" + i, "before the crash " + i);
            }
            long lastSeen = last(carol.messages(room, 3, ChatClient.TIMEOUT));
            String unacked = Cluster.freshRoom("unacked"); // a client id of its own: the dedupe window spans rooms
            // Sent, but its ack may never come: the node dies now.
            carol.send(Json.createObjectBuilder().add("type", "send").add("room", room).add("id", unacked).add(
                    "text", "sent as node1 died").build());

            for (Follower f : followers) {
                f.heardAtLeast(3, ChatClient.TIMEOUT);
            }
            java.util.concurrent.atomic.AtomicLong bobOffline = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong killedAt = new java.util.concurrent.atomic.AtomicLong(
                    Long.MAX_VALUE);
            List<JsonObject> presenceAfterKill = new java.util.concurrent.CopyOnWriteArrayList<>();
            alice.onArrival(f -> {
                if ("presence".equals(f.getString("type")) && System.nanoTime() > killedAt.get()) {
                    presenceAfterKill.add(f);
                    if ("bob".equals(f.getString("user"))) {
                        bobOffline.compareAndSet(0, System.nanoTime());
                    }
                }
            });
            killedAt.set(System.nanoTime());
            chorus(Duration.ofMinutes(1), "kill", "node1").orFail("./chorus kill node1");
            long killed = System.nanoTime();
            // The 20 followers' library clients reconnect by themselves from the moment of the kill: a reconnect storm.
            for (int i = 1; i <= 3; i++) {
                alice.say(room, room + "-during-" + i, "while carol is away " + i);
            }
            balancerServesWithin5Seconds(killed);

            // carol comes back through the balancer with her cookie (route .node1) and her token.
            try (ChatClient resumed = carol.on(BALANCER)) {
                JsonObject welcome = resumed.connect(token);
                assertTrue(welcome.getBoolean("resumed"), welcome.toString());
                assertEquals("node2", welcome.getString("node"));
                assertEquals(List.of(room), welcome.getJsonArray("rooms").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList());
                JsonObject joined = resumed.join(room, lastSeen);
                long latest = joined.getJsonNumber("seq").longValue();
                List<JsonObject> missed = resumed.messages(room, (int) (latest - lastSeen), ChatClient.TIMEOUT);
                assertEquals(java.util.stream.LongStream.rangeClosed(lastSeen + 1, latest).boxed().toList(), missed
                        .stream().map(m -> m.getJsonNumber("seq").longValue()).toList(), "exactly the missing seqs");
                System.out.printf("carol resumed with her first missed message %d ms after the kill%n", Duration
                        .ofNanos(System.nanoTime() - killed).toMillis());
                JsonObject ack = resumed.say(room, unacked, "sent as node1 died");
                assertEquals("ack", ack.getString("type"), ack.toString());
                List<JsonObject> history = messages(resumed, room);
                assertEquals(1, history.stream().filter(m -> unacked.equals(m.getString("id"))).count(),
                        "the re-sent message is stored once: " + history);
                String after = Cluster.freshId("after");
                alice.say(room, after, "welcome back");
                // Live again (the re-sent message, if it was stored only now, arrives before this one).
                resumed.next(f -> "message".equals(f.getString("type")) && after.equals(f.getString("id")),
                        "alice's message after the resume");
                List<Long> millis = new java.util.ArrayList<>();
                for (Follower f : followers) {
                    // Timed from just before ./chorus kill: they reconnect while it still runs.
                    millis.add(f.resumedOn("node2", killedAt.get(), room + "-during-3"));
                }
                java.util.Collections.sort(millis);
                System.out.printf("%d library clients of the killed node, reconnecting by themselves through 8080,"
                        + " kill to RESUMED: p50 %d ms, p99 %d ms, max %d ms%n", millis.size(),
                        millis.get(
                                (millis.size() - 1) / 2),
                        millis.get((int) Math.ceil(millis.size() * 0.99) - 1), millis
                                .get(millis.size() - 1));

                // The protocol's bound, from the kill: bob, who does not come back, is offline within 10 s.
                Duration bound = Duration.ofSeconds(10);
                JsonObject offline = alice.next(f -> "presence".equals(f.getString("type")) && "bob".equals(f.getString(
                        "user")), "bob's presence", Duration.ofNanos(Math.max(1, killed + bound.toNanos()
                                - System
                                        .nanoTime())));
                assertEquals(List.of(room, "offline"), List.of(offline.getString("room"), offline.getString("status")));
                long toOffline = Duration.ofNanos(bobOffline.get() - killed).toMillis();
                assertTrue(toOffline <= bound.toMillis(), "bob offline " + toOffline + " ms after the kill");
                System.out.printf("bob reported offline %d ms after the kill of his node%n", toOffline);
                // The others were back within the grace and are still connected: no presence frame for them at all.
                long sweepsDone = killed + bound.plusSeconds(2).toNanos(); // the sweep's time and a margin past it
                alice.framesUntil(f -> false, Duration.ofNanos(Math.max(1, sweepsDone - System.nanoTime())));
                assertEquals(List.of(offline), presenceAfterKill, "after the kill only bob's offline, no offline/online"
                        + " pair for the users who resumed within the grace");
            } finally {
                followers.forEach(Follower::close);
            }
        } finally {
            chorus(Duration.ofMinutes(5), "start", "node1").orFail("./chorus start node1");
        }
        RunCommand.Result status = chorus(Duration.ofMinutes(1), "status").orFail("./chorus status");
        assertTrue(status.output().matches("(?s).*node1\\s+up\\s+pid \\d+.*"), status.output());
        assertTrue(status.output().matches("(?s).*cluster view from node1: .*node1\\(.*node2\\(.*|.*cluster view from"
                + " node1: .*node2\\(.*node1\\(.*"), status.output());
        assertTrue(status.output().contains("node1 NODE_UP"), "the balancer routes to node1 again:\n" + status
                .output());
    }

    private static final int FOLLOWERS = 20;

    private static long last(List<JsonObject> messages) {
        return messages.get(messages.size() - 1).getJsonNumber("seq").longValue();
    }

    private static void balancerServesWithin5Seconds(long killed) throws Exception {
        long deadline = killed + Duration.ofSeconds(5).toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try (ChatClient carol = ChatClient.login(BALANCER, "carol", Credentials.runCommand().chat())) {
                JsonObject welcome = carol.connect();
                assertEquals("node2", welcome.getString("node"), "only node2 is left");
                System.out.printf("login + WebSocket through 8080 worked %d ms after the kill%n", Duration.ofNanos(
                        System.nanoTime() - killed).toMillis());
                return;
            } catch (Exception | AssertionError e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no login + WebSocket through 8080 within 5 s of killing node1", last);
    }

    @Test
    void theBrowserClientResumesAfterItsNodeIsKilled() throws Exception {
        RunCommand.Result install = RunCommand.run(Duration.ofMinutes(10), "browser", "browser-install", "bash",
                "install");
        install.orFail("browser/install");
        RunCommand.Result test = RunCommand.run(Duration.ofMinutes(5), "browser", "browser-test", "npm", "test");
        System.out.println(test.output());
        test.orFail("the browser test (screenshots of a failure: browser/target/)");
    }

    @Test
    void theAdministrationGuidesConsolePagesShowChorusResources() throws Exception {
        RunCommand.run(Duration.ofMinutes(10), "browser", "browser-install", "bash", "install").orFail(
                "browser/install");
        RunCommand.Result shots = RunCommand.run(Duration.ofMinutes(5), "browser", "console-shots", "node",
                "console-shots.mjs", "../it/target/console-shots");
        shots.orFail("browser/console-shots.mjs (each page of the README's Administration guide, with its data)");
        assertTrue(
                Files.exists(Path.of(System.getProperty("chorus.root", ".."), "it/target/console-shots/caches.png")));
    }

    @Test
    void historyAndTheDedupeWindowSurviveAStopAndStartOfTheWholeCluster() throws Exception {
        String room = Cluster.freshRoom("durable");
        List<JsonObject> before;
        try (ChatClient carol = ChatClient.login(BALANCER, "carol", Credentials.runCommand().chat())) {
            carol.connect();
            carol.join(room);
            for (int i = 1; i <= 3; i++) {
                carol.say(room, room + "-" + i, "still here after a restart " + i);
            }
            before = messages(carol, room);
            assertEquals(3, before.size());
        }
        chorus(Duration.ofMinutes(3), "down").orFail("./chorus down");
        chorus(Duration.ofMinutes(10), "up").orFail("./chorus up after down");
        try (ChatClient dave = ChatClient.login(BALANCER, "dave", Credentials.runCommand().chat())) {
            assertEquals(before, messages(dave, room));
            dave.connect();
            assertEquals(3, dave.join(room).getInt("seq"));
        }
        // carol re-sends her last message, as a client does that lost its connection before the ack came: the restarted
        // cluster still knows it and answers with its first ack, storing nothing.
        try (ChatClient carol = ChatClient.login(BALANCER, "carol", Credentials.runCommand().chat())) {
            carol.connect();
            carol.join(room);
            assertEquals(3, carol.say(room, room + "-3", "still here after a restart 3").getInt("seq"),
                    "a re-send after the restart gets the first ack");
            assertEquals(4, carol.say(room, Cluster.freshId("after"), "the sequence goes on").getInt("seq"));
            assertEquals(4, messages(carol, room).size(), "the re-sent message is stored once");
        }
    }

    @Test
    void addPutsAThirdServerIntoTheClusterTheBalancerAndPresenceAndItGetsNewConnections() throws Exception {
        try {
            chorus(Duration.ofMinutes(5), "add", "node3").orFail("./chorus add node3");
            ScaleOut.check(BALANCER, NODE1, URI.create("http://127.0.0.1:8380/chorus/"), chorus(Duration.ofMinutes(1),
                    "status").orFail("./chorus status").output());
        } finally {
            chorus(Duration.ofMinutes(3), "remove", "node3").orFail("./chorus remove node3");
        }
    }

    private static List<JsonObject> messages(ChatClient client, String room) throws Exception {
        HttpResponse<String> answer = client.get("api/rooms/" + room + "/messages");
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new java.io.StringReader(answer.body())).readObject().getJsonArray("messages")
                .getValuesAs(JsonObject.class);
    }

}
