package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Session.getUserProperties()} that fails over, on the cluster: what a handler of the example endpoint
 * {@link CounterEndpoint} put is in the cluster when it returns (node-2 reads it at once) and in the map of the
 * connection that resumes on node-2 before its first handler; a value that does not serialize stays on node-1, named in
 * one warning; a value the filter does not allow is not restored, and the connection goes on. Prints what the
 * interception costs a handler call (node-1, {@link PropertiesProbe}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserPropertiesIT extends ProbedNodes {

    private static final int SAMPLES = 1000;

    @Test
    void aValuePutInAHandlerIsInTheClusterWhenItReturnsAndInTheMapOfTheResumedConnection() throws Exception {
        ServerLog onNode1 = ServerLog.from(Cluster.NODE_1);
        ServerLog onNode2 = ServerLog.from(Cluster.NODE_2);
        ChatClient alice = login(node1(), "alice");
        String token = tokenOf(alice.open(CounterEndpoint.RELATIVE));
        alice.ask("inc", "state");
        assertEquals(2, alice.ask("inc", "state").getInt("count"));
        alice.ask("draft:dear all,", "state");
        alice.ask("note:an application type", "state");
        alice.ask("local", "state");
        assertTrue(alice.ask("local", "state").getBoolean("local"));
        assertEquals("2", stored(node2(), token, "count"), "in the cluster when the handler returned");
        alice.close();

        ChatClient resumed = alice.on(node2());
        JsonObject opened = resumed.open(CounterEndpoint.RELATIVE + "?resume=" + token);
        assertTrue(opened.getBoolean("resumed"), opened.toString());
        assertEquals(2, opened.getInt("count", -1), "in the map before the first handler: " + opened);
        assertEquals("dear all,", opened.getString("draft", null), opened.toString());
        assertFalse(opened.getBoolean("local"), "a value that does not serialize stays on its node: " + opened);
        assertFalse(opened.containsKey("note"), "the default filter does not allow the application's type: " + opened);
        assertEquals(3, resumed.ask("inc", "state").getInt("count"));
        resumed.close();

        String logged = onNode1.since();
        assertEquals(1, occurrences(logged, "User property local of " + CounterEndpoint.class.getName()
                + " holds a java.lang.Object"), "named in one warning:\n" + logged);
        logged = onNode2.since();
        assertTrue(logged.contains("User property note not restored") && logged.contains("REJECTED"),
                "the rejected value named:\n" + logged);
    }

    @Test
    void whatTheInterceptionCostsAHandlerCall() throws Exception {
        JsonObject cost = probe(node1(), "test/properties?n=" + SAMPLES);
        assertEquals(String.format("%-100s", "value-" + SAMPLES), stored(node2(), cost.getString("token"), "probe"),
                "each call that changed the value wrote it: node-2 reads the last");
        System.out.printf("user properties per handler call, %d samples on node-1: no interception p50 %d ns;"
                + " intercepted, nothing changed p50 %d ns, p99 %d ns; one value changed p50 %d us, p99 %d us%n",
                SAMPLES, cost.getJsonObject("bare").getJsonNumber("p50").longValue(), nanos(cost, "unchanged", "p50"),
                nanos(cost, "unchanged", "p99"), nanos(cost, "changed", "p50") / 1000, nanos(cost, "changed", "p99")
                        / 1000);
    }

    /**
     * The resume token in the first frame of {@link CounterEndpoint}; fails when its handlers were not intercepted
     * (then it has none, and nothing fails over).
     */
    static String tokenOf(JsonObject opened) {
        assertTrue(opened.getBoolean("intercepted"), "CounterEndpoint was not intercepted by the failover interceptor:"
                + " no resume token in its user properties: " + opened);
        assertFalse(opened.getBoolean("resumed"), opened.toString());
        return opened.getString("resume");
    }

    /** The value the cluster holds for a connection under {@code key}, read inside {@code node}. */
    private static String stored(URI node, String token, String key) throws Exception {
        return probe(node, "test/properties?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&key="
                + key).getString("value");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static long nanos(JsonObject cost, String what, String percentile) {
        return cost.getJsonObject(what).getJsonNumber(percentile).longValue();
    }

    private static JsonObject probe(URI node, String path) throws Exception {
        var answer = ChatClient.anonymous(node).get(path);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
