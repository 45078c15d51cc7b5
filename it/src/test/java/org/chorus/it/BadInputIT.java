package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input gets an error frame on a connection that stays open, stores nothing and logs no stack trace; thousands of
 * random frames leave the servers serving everyone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT extends TwoNodes {

    private static final int FUZZ_FRAMES = 3000;

    @Test
    void eachBadFrameGetsItsErrorTheConnectionStaysOpenAndNothingIsStored() throws Exception {
        String room = Cluster.freshRoom("bad");
        ServerLog log = ServerLog.from(Cluster.NODE_1);
        ChatClient alice = login(node1(), "alice");
        alice.connect();
        alice.join(room);
        String send = "{\"type\":\"send\",\"room\":\"" + room + "\",\"id\":\"b\",\"text\":";
        List<List<String>> cases = List.of(
                List.of("bad_request", "{\"type\":"),
                List.of("bad_request", "[1,2,3]"),
                List.of("bad_request", "{\"type\":42}"),
                List.of("bad_request", "{\"type\":\"explode\"}"),
                List.of("bad_request", "{\"type\":\"join\",\"room\":\"" + room + "\",\"since\":1e999999999}"),
                List.of("bad_request", "{\"type\":\"join\",\"room\":\"" + room + "\",\"since\":-1}"),
                List.of("bad_request", "{\"type\":\"history\",\"room\":\"" + room
                        + "\",\"limit\":123456789012345678901234567890}"),
                List.of("bad_request", "{\"type\":\"send\",\"room\":\"" + room + "\",\"id\":5,\"text\":\"x\"}"),
                List.of("bad_request", "{\"type\":\"send\",\"room\":\"" + room + "\",\"id\":\"\ud83d\ude00\","
                        + "\"text\":\"x\"}"),
                List.of("bad_request", send + "\"\"}"),
                List.of("bad_request", send + "\"  \\t \\n \"}"),
                List.of("bad_request", send + "\"bell\\u0007\"}"),
                List.of("bad_request", send + "\"nul\\u0000\"}"),
                List.of("bad_request", send + "\"lone \\ud800 surrogate\"}"),
                List.of("bad_request", send + "[\"not\",\"text\"]}"),
                List.of("bad_request", "[".repeat(5000) + "]".repeat(5000)),
                List.of("invalid_room",
                        "{\"type\":\"send\",\"room\":\"G\u00e9n\u00e9ral\",\"id\":\"r\",\"text\":\"x\"}"),
                List.of("invalid_room", "{\"type\":\"send\",\"room\":\"\ud83d\ude00\",\"id\":\"r\",\"text\":\"x\"}"),
                List.of("invalid_room", "{\"type\":\"send\",\"room\":\"../etc\",\"id\":\"r\",\"text\":\"x\"}"));
        for (List<String> c : cases) {
            alice.sendRaw(c.get(1));
            // The answer, not what the server pushes meanwhile (messages, presence).
            JsonObject error = alice.next(f -> !List.of("message", "presence", "typing").contains(f.getString("type")),
                    "answer to " + abbreviate(c.get(1)));
            assertEquals(List.of("error", c.get(0)), List.of(error.getString("type"), error.getString("code", "")),
                    "answer to " + abbreviate(c.get(1)) + ": " + error);
        }
        assertEquals(0, history(alice, room).size(), "nothing stored");
        JsonObject emoji = alice.say(room, Cluster.freshId("ok"), "4-byte UTF-8 is text: \ud83d\ude00");
        assertEquals("ack", emoji.getString("type"), emoji.toString());
        assertEquals("4-byte UTF-8 is text: \ud83d\ude00", history(alice, room).get(0).getString("text"));
        String written = log.since();
        assertFalse(written.contains("ERROR") || written.contains("\tat "), "logged for a client's mistake:\n"
                + written);
    }

    @Test
    void thousandsOfRandomFramesLeaveBothServersServingEveryone() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<ServerLog> logs = List.of(ServerLog.from(Cluster.NODE_1), ServerLog.from(Cluster.NODE_2));
        String room = Cluster.freshRoom("fuzz");
        List<ChatClient> fuzzers = List.of(login(node1(), "carol"), login(node2(), "dave"));
        for (ChatClient fuzzer : fuzzers) {
            fuzzer.connect();
            fuzzer.join(room);
        }
        List<String> seeds = List.of("{\"type\":\"send\",\"room\":\"" + room + "\",\"id\":\"f1\",\"text\":\"hi\"}",
                "{\"type\":\"join\",\"room\":\"" + room + "\",\"since\":0}",
                "{\"type\":\"history\",\"room\":\"" + room + "\",\"before\":5,\"limit\":2}",
                "{\"type\":\"direct\",\"to\":\"alice\",\"id\":\"d1\",\"text\":\"psst\"}",
                "{\"type\":\"typing\",\"room\":\"" + room + "\"}", "{\"type\":\"leave\",\"room\":\"" + room + "\"}",
                "{\"type\":\"ping\"}");
        for (int i = 0; i < FUZZ_FRAMES; i++) {
            fuzzers.get(i % 2).sendRaw(Fuzz.mutate(seeds.get(random.nextInt(seeds.size())), random));
        }
        for (ChatClient fuzzer : fuzzers) {
            fuzzer.send(Json.createObjectBuilder().add("type", "ping").build());
            fuzzer.next(f -> "pong".equals(f.getString("type")), "pong after the fuzz (seed " + seed + ")", Duration
                    .ofSeconds(60));
        }
        ChatClient alice = login(node1(), "alice");
        ChatClient bob = login(node2(), "bob");
        alice.connect();
        bob.connect();
        Conversations.awaitClusterCarries(alice, bob, Duration.ofSeconds(30));
        Conversations.awaitClusterCarries(bob, alice, Duration.ofSeconds(30));
        for (ChatClient c : List.of(alice, bob, fuzzers.get(0), fuzzers.get(1))) {
            c.close();
        }
        for (ServerLog log : logs) {
            String written = log.since();
            assertFalse(written.contains("ERROR") || written.contains("\tat "), "logged during the fuzz (seed " + seed
                    + "):\n" + written);
        }
    }

    private static List<JsonObject> history(ChatClient client, String room) throws Exception {
        var answer = client.get("api/rooms/" + room + "/messages");
        assertEquals(200, answer.statusCode(), answer.body());
        return new ArrayList<>(Json.createReader(new StringReader(answer.body())).readObject().getJsonArray(
                "messages").getValuesAs(JsonObject.class));
    }

    private static String abbreviate(String frame) {
        return frame.length() > 80 ? frame.substring(0, 80) + "..." : frame;
    }
}
