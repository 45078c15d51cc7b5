package org.chorus.client.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.chorus.client.frame.Frames;
import org.chorus.client.spi.HttpStatusException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default login against the JDK's own HTTP server, playing {@code POST /chorus/api/session}. */
class HttpAuthenticatorTest {

    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(HttpAuthenticator.PATH, exchange -> {
            var body = Frames.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean right = exchange.getRequestMethod().equals("POST") && body.getString("user").equals("alice")
                    && body.getString("password").equals("secret");
            if (right) {
                exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc.node1; path=/chorus; HttpOnly");
            }
            exchange.sendResponseHeaders(right ? 200 : 401, -1);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theRightPasswordGetsTheSessionCookie() throws Exception {
        var cookie = new HttpAuthenticator(JdkTransport.sharedHttp()).login(base, "alice", "secret".toCharArray());
        assertEquals("JSESSIONID=abc.node1", cookie.toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWrongPasswordIsA401() {
        var cookie = new HttpAuthenticator(JdkTransport.sharedHttp()).login(base, "alice", "guess".toCharArray())
                .toCompletableFuture();
        Throwable refused = assertThrows(ExecutionException.class, () -> cookie.get(5, TimeUnit.SECONDS)).getCause();
        assertEquals(401, assertInstanceOf(HttpStatusException.class, refused).status());
    }
}
