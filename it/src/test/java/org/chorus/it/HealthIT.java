package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every server answers MicroProfile Health JSON on its own HTTP port, without a login: readiness (cluster view, caches,
 * topic) and liveness (caches, delivery timer).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT extends TwoNodes {

    @Test
    void bothServersAreReadyAndLiveWithEveryCheckUp() throws Exception {
        for (URI node : new URI[]{node1(), node2()}) {
            JsonObject ready = health(node, "ready");
            assertEquals(Map.of("chorus-cluster-view", "UP", "chorus-caches", "UP", "chorus-topic", "UP"), statuses(
                    ready), ready.toString());
            assertEquals("UP", ready.getString("status"));
            JsonObject live = health(node, "live");
            assertEquals(Map.of("chorus-caches", "UP", "chorus-delivery", "UP"), statuses(live), live.toString());
        }
    }

    @Test
    void aRequestFromElsewhereLearnsTheStatusButNotTheTopology() throws Exception {
        for (String kind : new String[]{"ready", "live"}) {
            var answer = ChatClient.anonymous(node1()).get("api/health/" + kind, "X-Forwarded-For", "203.0.113.7");
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject report = Json.createReader(new StringReader(answer.body())).readObject();
            assertEquals(Map.of("status", "UP"), Map.copyOf(report.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString()))), "no checks, no"
                            + " members, no coordinator: " + report);
        }
    }

    private static JsonObject health(URI node, String kind) throws Exception {
        var answer = ChatClient.anonymous(node).get("api/health/" + kind);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static Map<String, String> statuses(JsonObject report) {
        return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                c -> c.getString("name"), c -> c.getString("status")));
    }
}
