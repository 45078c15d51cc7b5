package org.chorus.bench.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

/** Logs in over the HTTP API (POST /chorus/api/session) and returns the session cookie. */
public final class Login {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Login() {
    }

    /** Logins answered 503 (the balancer could not reach a node) and tried again. */
    public static final AtomicInteger RETRIED = new AtomicInteger();

    private static final int ATTEMPTS = 5;

    /**
     * The {@code JSESSIONID=...} cookie of a new session of {@code user} at {@code base}; a 503 is tried again, after
     * 100, 200, 400 and 800 ms, as a browser user would.
     */
    public static CompletableFuture<String> as(URI base, String user, String password) {
        return attempt(base, user, password, 0);
    }

    private static CompletableFuture<String> attempt(URI base, String user, String password, int attempt) {
        return once(base, user, password).handle((cookie, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(cookie);
            }
            if (attempt + 1 < ATTEMPTS && String.valueOf(failure.getMessage()).contains("HTTP 503")) {
                RETRIED.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(100L << attempt,
                        TimeUnit.MILLISECONDS)).thenCompose(x -> attempt(base, user, password, attempt + 1));
            }
            return CompletableFuture.<String>failedFuture(failure);
        }).thenCompose(f -> f);
    }

    private static CompletableFuture<String> once(URI base, String user, String password) {
        String body = Json.createObjectBuilder().add("user", user).add("password", password).build().toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/chorus/api/session")).timeout(Duration.ofSeconds(
                20)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login of " + user + " at " + base + ": HTTP " + response
                        .statusCode());
            }
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new IllegalStateException(
                            "no session cookie from " + base));
        });
    }

    /** Ends the session (DELETE /chorus/api/session); its sockets close with 1008. */
    public static void logout(URI base, String cookie) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(base.resolve("/chorus/api/session")).timeout(Duration.ofSeconds(20)).header(
                "Cookie", cookie).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
