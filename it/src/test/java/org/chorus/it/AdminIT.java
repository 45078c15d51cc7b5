package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin page's data: every node's figures reach every node; only role admin may read them or open the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminIT extends TwoNodes {

    @Test
    void adminSeesBothServersAndTheRoomsOthersAreRefused() throws Exception {
        String room = Cluster.freshRoom("admin");
        ChatClient alice = login(node2(), "alice");
        alice.connect();
        alice.join(room);
        alice.say(room, Cluster.freshId("a"), "counted");

        ChatClient admin = login(node1(), "admin");
        JsonObject cluster = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            cluster = cluster(admin);
            // Nodes publish their figures every 2 s: wait for both, with alice's send counted.
            if (nodes(cluster).equals(List.of("node-1", "node-2")) && cluster.getJsonArray("servers").getJsonObject(
                    1).getInt("messagesIn") >= 1) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(List.of("node-1", "node-2"), nodes(cluster), String.valueOf(cluster));
        JsonObject node2 = cluster.getJsonArray("servers").getJsonObject(1);
        assertTrue(node2.getInt("connections") >= 1 && node2.getInt("messagesIn") >= 1 && node2.getInt("fresh") >= 1,
                node2.toString());
        assertTrue(cluster.getJsonArray("rooms").getValuesAs(JsonObject.class).stream().anyMatch(r -> r.getString(
                "room").equals(room) && r.getInt("online") == 1 && r.getInt("seq") == 1), cluster.toString());
        assertEquals(200, admin.get("admin/").statusCode());

        assertEquals(403, alice.get("api/admin/cluster").statusCode());
        assertEquals(403, alice.get("admin/").statusCode());
        assertEquals(401, ChatClient.anonymous(node1()).get("api/admin/cluster").statusCode());
        alice.close();
    }

    private static JsonObject cluster(ChatClient admin) throws Exception {
        var answer = admin.get("api/admin/cluster");
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static List<String> nodes(JsonObject cluster) {
        return cluster.getJsonArray("servers").getValuesAs(JsonObject.class).stream().map(s -> s.getString("node"))
                .toList();
    }
}
