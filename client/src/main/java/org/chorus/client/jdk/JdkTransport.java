package org.chorus.client.jdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.chorus.client.spi.HttpStatusException;
import org.chorus.client.spi.Inbound;
import org.chorus.client.spi.Link;
import org.chorus.client.spi.Transport;

/** The default transport: WebSockets of {@code java.net.http}, which answers the server's pings by itself. */
public final class JdkTransport implements Transport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;

    public JdkTransport(HttpClient http) {
        this.http = http;
    }

    /** One HTTP client for every client of the JVM that brings none: each has a selector thread of its own. */
    public static HttpClient sharedHttp() {
        return Shared.HTTP;
    }

    @Override
    public CompletionStage<Link> open(URI uri, String cookie, Inbound inbound) {
        JdkLink link = new JdkLink(inbound);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        CompletableFuture<Link> opened = new CompletableFuture<>();
        builder.buildAsync(uri, link).whenComplete((socket, failure) -> {
            if (failure == null) {
                opened.complete(link);
            } else {
                opened.completeExceptionally(refusal(failure));
            }
        });
        return opened;
    }

    /** A handshake the server answered with a status becomes an {@link HttpStatusException}. */
    private static Throwable refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof WebSocketHandshakeException refused) {
            return new HttpStatusException(refused.getResponse().statusCode(), "WebSocket handshake refused");
        }
        return cause;
    }

    /** Created on first use only. */
    private static final class Shared {

        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }
}
