package org.chorus.client.jdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.chorus.client.frame.Frames;
import org.chorus.client.spi.Authenticator;
import org.chorus.client.spi.HttpStatusException;

/** The default login: {@code POST /chorus/api/session} with the credentials as JSON, answered with a session cookie. */
public final class HttpAuthenticator implements Authenticator {

    /** Where Chorus logs users in. */
    public static final String PATH = "/chorus/api/session";

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;

    public HttpAuthenticator(HttpClient http) {
        this.http = http;
    }

    @Override
    public CompletionStage<String> login(URI base, String user, char[] password) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(PATH)).timeout(TIMEOUT).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(Frames.login(user, password))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(new HttpStatusException(response.statusCode(), "login of " + user
                        + " at " + base));
            }
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new CompletionException(
                            new IOException("no session cookie from " + base)));
        });
    }
}
