package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connection limits of PROTOCOL.md with the documented close codes: frame size (1009), binary frames (1003),
 * idleness (1001), and the Origin check at the handshake (403). The deployment sets {@code chorus.max-idle-ms} to 3 s
 * and allows the extra origin {@value #ALLOWED}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LimitsIT extends ClusterNodes {

    static final String ALLOWED = "https://chat.example.com";
    private static final int MAX_FRAME = 65536;
    private static final Map<String, String> SETTINGS = Map.of("chorus.max-idle-ms", "3000",
            "chorus.allowed-origins", "https://other.example.org, " + ALLOWED);

    @Deployment(name = Cluster.DEPLOYMENT_1, testable = false)
    @TargetsContainer(Cluster.NODE_1)
    static EnterpriseArchive onNode1() {
        return Cluster.chorus(SETTINGS);
    }

    @Deployment(name = Cluster.DEPLOYMENT_2, testable = false)
    @TargetsContainer(Cluster.NODE_2)
    static EnterpriseArchive onNode2() {
        return Cluster.chorus(SETTINGS);
    }

    @Test
    void aFrameAtTheLimitIsReadAndOnePastItClosesWith1009() throws Exception {
        ChatClient alice = login(node1(), "alice");
        alice.connect();
        alice.join("limits");
        alice.sendRaw(frameOfBytes(MAX_FRAME));
        assertEquals("too_long", alice.next("error").getString("code"), "65536 bytes are read (the text is too long)");
        alice.sendRaw(frameOfBytes(MAX_FRAME + 1));
        assertEquals(1009, alice.closed().get(10, TimeUnit.SECONDS));

        ChatClient again = alice.on(node1());
        again.connect();
        // 4 MB in one frame: refused as soon as its first 64 KiB are in, not after holding it all.
        try {
            again.sendRaw("x".repeat(4 << 20));
        } catch (java.util.concurrent.CompletionException closedWhileSending) {
            // the server may close before the client has written it all
        }
        assertEquals(1009, again.closed().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aBinaryFrameClosesWith1003() throws Exception {
        ChatClient bob = login(node2(), "bob");
        bob.connect();
        bob.sendBinary(new byte[]{1, 2, 3});
        assertEquals(1003, bob.closed().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aConnectionWithoutFramesForMaxIdleClosesWith1001AndPingsKeepOneOpen() throws Exception {
        ChatClient quiet = login(node1(), "carol");
        ChatClient chatty = login(node1(), "dave");
        quiet.connect();
        chatty.connect();
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            chatty.send(Json.createObjectBuilder().add("type", "ping").build());
            chatty.next("pong");
            if (quiet.closed().isDone()) {
                break;
            }
            Thread.sleep(1000); // a client's ping interval
        }
        assertEquals(1001, quiet.closed().get(10, TimeUnit.SECONDS));
        long closedAfter = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(closedAfter >= 3000 && closedAfter < 6000, "closed after " + closedAfter + " ms");
        assertThrows(TimeoutException.class, () -> chatty.closed().get(0, TimeUnit.SECONDS), "pinged, still open");
    }

    @Test
    void aForeignOriginIsRefusedWith403AndTheOwnOrAnAllowedOneIsAccepted() throws Exception {
        ChatClient alice = login(node1(), "alice");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> alice.connectFrom(
                "https://evil.example.net"));
        assertEquals(403, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse()
                .statusCode());
        String own = "http://" + node1().getHost() + ":" + node1().getPort();
        assertEquals("welcome", alice.on(node1()).connectFrom(own).getString("type"));
        assertEquals("welcome", alice.on(node1()).connectFrom(ALLOWED).getString("type"));
        assertEquals("welcome", alice.on(node1()).connect().getString("type"), "no Origin: not a browser");
    }

    /** A valid send frame of exactly {@code bytes} bytes of UTF-8. */
    private static String frameOfBytes(int bytes) {
        String empty = Json.createObjectBuilder().add("type", "send").add("room", "limits").add("id", "big").add(
                "text", "").build().toString();
        String frame = empty.replace("\"text\":\"\"", "\"text\":\"" + "x".repeat(bytes - empty.length()) + "\"");
        assertEquals(bytes, frame.getBytes(StandardCharsets.UTF_8).length);
        return frame;
    }

}
