package org.chorus.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.chorus.client.spi.HttpStatusException;
import org.chorus.client.spi.Link;

/**
 * Opens a session's connections: logs in first when there is no cookie yet or the last handshake was refused (the HTTP
 * session is gone), then opens the WebSocket with the cookie and the resume token of the last welcome, each attempt at
 * the next of the client's addresses (with one address, always the same). Guarded by the session's monitor.
 */
final class Dialer {

    private final Session session;
    private final Settings settings;
    private String cookie;
    private String token;
    private boolean stale;
    /** Which of the addresses the next attempt uses: the first, then the next one for every attempt after it. */
    private int at = -1;

    Dialer(Session session) {
        this.session = session;
        this.settings = session.settings;
        this.stale = settings.user() != null;
    }

    /** The welcome's resume token, for the next connection. */
    void welcomed(String resume) {
        if (resume != null) {
            token = resume;
        }
    }

    void open(Connection c) {
        at++;
        if (!stale) {
            connect(c);
            return;
        }
        CompletionStage<String> login;
        try {
            login = settings.authenticator().login(settings.base(at), settings.user(), settings.password());
        } catch (RuntimeException e) {
            login = CompletableFuture.failedFuture(e);
        }
        login.whenComplete((loggedIn, failure) -> loggedIn(c, loggedIn, failure));
    }

    private void loggedIn(Connection c, String loggedIn, Throwable failure) {
        synchronized (session) {
            if (!session.isCurrent(c)) {
                if (failure == null) { // given up meanwhile: its session still serves the next attempt
                    cookie = loggedIn;
                    stale = false;
                }
                return;
            }
            Throwable cause = unwrap(failure);
            if (cause == null) {
                cookie = loggedIn;
                stale = false;
                connect(c);
            } else if (cause instanceof HttpStatusException refused && (refused.status() == 400 || refused
                    .status() == 401 || refused.status() == 403)) {
                session.fail(c, cause); // wrong credentials: no other try would do better
            } else {
                session.lost(c, cause);
            }
        }
    }

    private void connect(Connection c) {
        CompletionStage<Link> opening;
        try {
            opening = settings.transport().open(settings.chat(at, token), cookie, c);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((link, failure) -> opened(c, link, failure));
    }

    private void opened(Connection c, Link link, Throwable failure) {
        synchronized (session) {
            Throwable cause = unwrap(failure);
            if (cause == null && session.isCurrent(c)) {
                c.attach(link);
            } else if (cause == null) {
                link.abort(); // its attempt was given up meanwhile
            } else {
                if (cause instanceof HttpStatusException refused && (refused.status() == 401 || refused
                        .status() == 403)) {
                    stale = settings.user() != null; // the HTTP session is gone: log in again first
                }
                session.lost(c, cause);
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return (failure instanceof CompletionException || failure instanceof ExecutionException) && failure
                .getCause() != null ? failure.getCause() : failure;
    }
}
