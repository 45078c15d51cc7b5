package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection's user properties are written through: what node-1 put is there on node-2 at once, and after the
 * connection resumes there. Prints what a write costs next to what a send costs (send to ack, same node).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserPropertiesIT extends InstrumentedNodes {

    private static final int SAMPLES = 200;
    private static final long PACE_MS = 55;

    @Test
    void aPropertyPutOnOneNodeIsThereOnTheOtherAndAfterAResume() throws Exception {
        ChatClient alice = login(node1(), "alice");
        String token = alice.connect().getString("resume");
        String room = Cluster.freshRoom("cost");
        alice.join(room);

        long[] sends = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            assertEquals("ack", alice.say(room, "cost-" + i, "how long does this take?").getString("type"));
            sends[i] = (System.nanoTime() - start) / 1000;
            Thread.sleep(Math.max(0, PACE_MS - sends[i] / 1000)); // under the rate limit of 20 per second
        }
        JsonObject writes = probe(alice, node1(), "test/properties?token=" + token + "&n=" + SAMPLES);

        String expected = String.format("%-100s", "value-" + SAMPLES);
        assertEquals(expected, probe(alice, node2(), "test/properties?key=probe&token=" + token).getString("value"),
                "node-2 reads what node-1 wrote last");
        alice.close();
        ChatClient resumed = alice.on(node2());
        assertTrue(resumed.connect(token).getBoolean("resumed"));
        assertEquals(expected, probe(alice, node2(), "test/properties?key=probe&token=" + token).getString("value"));
        resumed.close();

        Arrays.sort(sends);
        System.out.printf("user properties, %d samples on node-1: put p50 %d us, p99 %d us; get p50 %d us, p99 %d us;"
                + " send -> ack p50 %d us, p99 %d us%n", SAMPLES, writes.getJsonObject("put").getInt("p50"),
                writes
                        .getJsonObject("put").getInt("p99"),
                writes.getJsonObject("get").getInt("p50"), writes
                        .getJsonObject("get").getInt("p99"),
                sends[(SAMPLES - 1) / 2], sends[(int) Math.ceil(
                        SAMPLES * 0.99) - 1]);
    }

    private static JsonObject probe(ChatClient client, URI node, String path) throws Exception {
        var answer = client.on(node).get(path);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
