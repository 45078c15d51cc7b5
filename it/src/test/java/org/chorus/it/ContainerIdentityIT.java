package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, item 9: a login is the container's identity for the HTTP session, on every node of the cluster (the
 * standard {@code getUserPrincipal()} and {@code isUserInRole()} say who the user is, read by the test-only
 * {@link IdentityProbe}), it moves between the nodes with the session without locking the user out, and the roles
 * declared in web.xml decide what the user may reach.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerIdentityIT extends ClusterNodes {

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(IdentityProbe.class);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(IdentityProbe.class);
    }

    @Test
    void aLoginIsTheContainersIdentityOnEveryNodeUntilLogout() throws Exception {
        try (ChatClient alice = login(node1(), "alice"); ChatClient admin = login(node2(), "admin")) {
            for (URI node : new URI[]{node1(), node2()}) {
                assertEquals(identity("alice", true, false), probe(alice.on(node)), "alice on " + node);
                assertEquals(identity("admin", true, true), probe(admin.on(node)), "admin on " + node);
            }
            assertEquals(204, alice.on(node2()).delete("api/session").statusCode());
            for (URI node : new URI[]{node1(), node2()}) {
                assertEquals(Json.createObjectBuilder().addNull("user").add("chat", false).add("admin", false).build(),
                        probe(alice.on(node)), "after the logout, on " + node);
                assertEquals(401, alice.on(node).get("api/rooms").statusCode());
            }
        }
    }

    /**
     * The identity re-created on the other node from the session is not a login: twelve turns of one session between
     * the nodes (more than the realm's ten failed attempts) and the user can still log in afresh on both.
     */
    @Test
    void aSessionMovingBetweenNodesNeverLocksItsUserOut() throws Exception {
        try (ChatClient carol = login(node1(), "carol")) {
            for (int turn = 0; turn < 12; turn++) {
                for (URI node : new URI[]{node2(), node1()}) {
                    assertEquals(identity("carol", true, false), probe(carol.on(node)), "turn " + turn);
                }
            }
        }
        for (URI node : new URI[]{node1(), node2()}) {
            try (ChatClient again = login(node, "carol")) {
                assertEquals(identity("carol", true, false), probe(again));
            }
        }
    }

    @Test
    void rolesDeclaredInWebXmlDecideWhatAUserReaches() throws Exception {
        try (ChatClient alice = login(node1(), "alice"); ChatClient anonymous = ChatClient.anonymous(node2())) {
            assertEquals(200, alice.get("api/rooms").statusCode());
            HttpResponse<String> forbidden = alice.get("api/admin/cluster");
            assertEquals(403, forbidden.statusCode());
            assertTrue(json(forbidden.body()).containsKey("error"), "the API's error body: " + forbidden.body());
            HttpResponse<String> unauthorized = anonymous.get("api/rooms");
            assertEquals(401, unauthorized.statusCode());
            assertTrue(json(unauthorized.body()).containsKey("error"), unauthorized.body());
            ExecutionException refused = assertThrows(ExecutionException.class, anonymous::connect);
            assertEquals(401, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse()
                    .statusCode(), "no WebSocket without a login");
            assertFalse(alice.connect().isEmpty(), "alice's WebSocket opens");
        }
    }

    private static JsonObject identity(String user, boolean chat, boolean admin) {
        return Json.createObjectBuilder().add("user", user).add("chat", chat).add("admin", admin).build();
    }

    private static JsonObject probe(ChatClient client) throws Exception {
        HttpResponse<String> answer = client.get("test/identity");
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
