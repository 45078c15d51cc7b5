package org.chorus.client.spi;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Logs a user in and hands back the session cookie the WebSocket handshake needs; the default posts the credentials to
 * {@code /chorus/api/session}.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * Completes with the cookie as a {@code name=value} pair (e.g. {@code JSESSIONID=...}), or exceptionally; an
     * {@link HttpStatusException} with 400, 401 or 403 means the credentials are wrong, and the client gives up.
     * {@code password} belongs to the client: read it, do not keep it.
     */
    CompletionStage<String> login(URI base, String user, char[] password);
}
