package org.chorus.it;

import static org.chorus.it.Cluster.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What another web page or a guessing attacker can do to a logged-in user's session: nothing (issue 15, item 4).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginSafetyIT extends OneNode {

    @Test
    void aWrongPasswordLeavesTheCallersSessionAndSocketAlone() throws Exception {
        try (ChatClient alice = ChatClient.login(base(), "alice", PASSWORD)) {
            alice.connect();
            String cookie = alice.sessionCookie();

            assertEquals(401, alice.postSession("alice", "guessed-" + System.nanoTime()).statusCode());
            assertEquals(401, alice.postSession("mallory", PASSWORD).statusCode());

            assertEquals(cookie, alice.sessionCookie(), "the session id did not change");
            assertEquals(200, alice.get("api/session").statusCode(), "still logged in");
            alice.send(Json.createObjectBuilder().add("type", "ping").build());
            assertEquals("pong", alice.next("pong").getString("type"));
            assertFalse(alice.closed().isDone(), "the socket stays open");
        }
    }

    @Test
    void aSecondLoginEndsTheFirstSessionItsSocketsCloseAndTheNewOnesStayOpen() throws Exception {
        try (ChatClient alice = ChatClient.login(base(), "alice", PASSWORD)) {
            alice.connect();
            String first = alice.sessionCookie();
            assertEquals(200, alice.postSession("alice", PASSWORD).statusCode());
            assertEquals(1008, alice.closed().get(5, TimeUnit.SECONDS), "the first session's socket");
            assertFalse(first.equals(alice.sessionCookie()), "a new session id");

            ChatClient again = alice.on(base());
            again.connect();
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // past one check of ended sessions
            while (System.nanoTime() < until) {
                again.send(Json.createObjectBuilder().add("type", "ping").build());
                assertEquals("pong", again.next("pong").getString("type"));
                Thread.sleep(500);
            }
            assertFalse(again.closed().isDone(), "the new session's socket stays open");
            again.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"})
    void aLoginThatAFormCouldSendIsRefusedWith415(String contentType) throws Exception {
        try (ChatClient bob = ChatClient.login(base(), "bob", PASSWORD)) {
            bob.connect();
            String body = Json.createObjectBuilder().add("user", "bob").add("password", PASSWORD).build()
                    .toString();
            HttpResponse<String> refused = bob.post("api/session", body, contentType);
            assertEquals(415, refused.statusCode(), refused.body());
            assertTrue(json(refused.body()).getString("error").contains("application/json"), refused.body());

            assertEquals(200, bob.get("api/session").statusCode(), "the existing session is untouched");
            bob.send(Json.createObjectBuilder().add("type", "ping").build());
            assertEquals("pong", bob.next("pong").getString("type"));
        }
        ChatClient stranger = ChatClient.anonymous(base());
        stranger.post("api/session", "{\"user\":\"bob\",\"password\":\"" + PASSWORD + "\"}", "text/plain");
        assertEquals(401, stranger.get("api/session").statusCode(), "no session from a text/plain login");
    }

    @Test
    void theSessionCookieIsNotSentOnCrossSitePosts() throws Exception {
        ChatClient carol = ChatClient.anonymous(base());
        HttpResponse<String> login = carol.postSession("carol", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        assertTrue(cookie.matches("(?i).*;\\s*SameSite=Lax(;.*|$)"), cookie);
        assertTrue(cookie.matches("(?i).*;\\s*HttpOnly(;.*|$)"), cookie);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "js/app.js", "css/chorus.css", "api/session"})
    void everyAnswerCarriesTheBrowserHardeningHeaders(String path) throws Exception {
        HttpResponse<String> page = ChatClient.anonymous(base()).get(path);
        assertTrue(page.statusCode() == 200 || page.statusCode() == 401, path + " answered " + page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
