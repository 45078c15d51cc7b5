package org.chorus.it;

import static org.chorus.it.Cluster.PASSWORD;
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

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logging in and out, the refused handshake, and what malformed or misplaced frames get back, on one node.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtocolBasicsIT extends OneNode {

    @Test
    void loginAnswersWithUserAndNodeAndTheSessionOutlivesTheRequest() throws Exception {
        ChatClient alice = ChatClient.anonymous(base());
        HttpResponse<String> login = alice.postSession("alice", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        assertEquals(json("{\"user\":\"alice\",\"node\":\"node-1\"}"), json(login.body()));
        assertTrue(login.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=") && c
                .contains("HttpOnly")), login.headers()::toString);

        HttpResponse<String> whoami = alice.get("api/session");
        assertEquals(200, whoami.statusCode());
        assertEquals("alice", json(whoami.body()).getString("user"));
    }

    @Test
    void wrongCredentialsAre401AndAMalformedBodyIs400() throws Exception {
        ChatClient client = ChatClient.anonymous(base());
        assertEquals(401, client.postSession("alice", "not-her-password").statusCode());
        assertEquals(401, client.postSession("mallory", PASSWORD).statusCode());
        assertEquals(400, client.post("api/session", "{\"user\":\"alice\"").statusCode());
        assertEquals(400, client.post("api/session", "{\"user\":42,\"password\":\"x\"}").statusCode());
        assertEquals(401, client.get("api/session").statusCode(), "no session was created by failed logins");
    }

    @Test
    void aHandshakeWithoutALoggedInSessionIsRefused() throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> ChatClient.anonymous(base())
                .connect());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused
                .getCause());
        assertEquals(401, handshake.getResponse().statusCode());
    }

    @Test
    void afterLogoutTheSessionIsGoneAndTheHandshakeIsRefused() throws Exception {
        ChatClient bob = ChatClient.login(base(), "bob", PASSWORD);
        assertEquals(204, bob.delete("api/session").statusCode());
        assertEquals(401, bob.get("api/session").statusCode());
        ExecutionException refused = assertThrows(ExecutionException.class, bob::connect);
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2]", "\"text\"", "{\"type\":5}", "{}", "{\"type\":\"dance\"}",
            "{\"type\":\"join\"}", "{\"type\":\"join\",\"room\":7}", "{\"type\":\"ping\"} trailing"})
    void malformedFramesGetBadRequestAndTheConnectionStaysOpen(String frame) throws Exception {
        try (ChatClient carol = ChatClient.login(base(), "carol", PASSWORD)) {
            JsonObject welcome = carol.connect();
            assertEquals("carol", welcome.getString("user"));
            assertFalse(welcome.getBoolean("resumed"));

            carol.sendRaw(frame);
            JsonObject error = carol.next("error");
            assertEquals("bad_request", error.getString("code"), error.toString());
            assertFalse(error.getString("message").isBlank());

            carol.send(Json.createObjectBuilder().add("type", "ping").build());
            assertEquals("pong", carol.next("pong").getString("type"));
            assertFalse(carol.closed().isDone(), "the connection stays open");
        }
    }

    @Test
    void sendingNeedsAJoinedRoomAndAValidRoomName() throws Exception {
        String general = Cluster.freshRoom("general");
        try (ChatClient dave = ChatClient.login(base(), "dave", PASSWORD)) {
            dave.connect();
            String refusedId = Cluster.freshId("d");
            JsonObject notMember = dave.say(general, refusedId, "hi");
            assertEquals("error", notMember.getString("type"));
            assertEquals("not_member", notMember.getString("code"));
            assertEquals(refusedId, notMember.getString("ref"));

            dave.send(Json.createObjectBuilder().add("type", "join").add("room", "Not A Room").build());
            JsonObject invalid = dave.next("error");
            assertEquals("invalid_room", invalid.getString("code"));

            assertEquals(general, dave.join(general).getString("room"));
            assertEquals("ack", dave.say(general, Cluster.freshId("d"), "now I may").getString("type"));
            JsonObject own = Conversations.nextMessage(dave, general);
            assertEquals("dave", own.getString("from"));

            dave.send(Json.createObjectBuilder().add("type", "leave").add("room", general).build());
            assertEquals(general, dave.next("left").getString("room"));
            assertEquals("not_member", dave.say(general, Cluster.freshId("d"), "gone").getString("code"));
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
