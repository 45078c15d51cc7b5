package org.chorus.interfaces.websocket;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Keeps the HTTP session of every open chat connection alive: a distributable session can be touched only by a request,
 * so while a session has connections on this node, this node requests {@code api/session} with its cookie every third
 * of its timeout, and once more when its last connection here closes (the timeout then counts from that close).
 */
@ApplicationScoped
public class SessionKeepAlive {

    private static final Logger LOG = Logger.getLogger(SessionKeepAlive.class);

    /** One HTTP session held open here: how to touch it, its connections on this node, when it was last touched. */
    private record Held(SessionTouch touch, Set<String> connections, AtomicLong touched) {
    }

    /** A touch waiting for its turn. */
    private record Pending(String httpSession, HttpRequest request) {
    }

    /** Touches in flight at most: a thousand connections closing at once must not open a thousand sockets. */
    static final int IN_FLIGHT = 8;

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    @Inject
    Ticker ticker;

    private HttpClient client;
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        // HTTP/1.1: the client's default, HTTP/2, upgrades every cleartext connection and Huffman-codes its headers,
        // which was most of this class's CPU when a thousand connections closed.
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(ticker.executor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        sweep = ticker.executor().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
    }

    /** A connection opened with this HTTP session (its handshake has just touched it). */
    public void opened(ChatPrincipal principal, String connection) {
        if (principal.touch() == null) {
            return;
        }
        held.computeIfAbsent(principal.httpSession(), id -> new Held(principal.touch(), ConcurrentHashMap.newKeySet(),
                new AtomicLong(System.currentTimeMillis()))).connections().add(connection);
    }

    /** A connection closed (repeating this is harmless): after the session's last one here, one final touch. */
    public void closed(ChatPrincipal principal, String connection) {
        Held[] last = new Held[1];
        held.computeIfPresent(principal.httpSession(), (id, h) -> {
            h.connections().remove(connection);
            if (h.connections().isEmpty()) {
                last[0] = h;
                return null;
            }
            return h;
        });
        if (last[0] != null) {
            touch(principal.httpSession(), last[0].touch());
        }
    }

    /** Touches the sessions held here that were not touched for a third of their timeout. */
    private void sweep() {
        long now = System.currentTimeMillis();
        held.forEach((id, h) -> {
            long last = h.touched().get();
            if (now - last >= h.touch().everyMs() && h.touched().compareAndSet(last, now)) {
                try {
                    touch(id, h.touch());
                } catch (RuntimeException e) {
                    LOG.warnf("Keeping HTTP session %s alive failed: %s", id, e.toString());
                }
            }
        });
    }

    private void touch(String httpSession, SessionTouch touch) {
        waiting.add(new Pending(httpSession, HttpRequest.newBuilder(touch.uri()).header("Cookie", touch.cookie())
                .timeout(Duration.ofSeconds(10)).GET().build()));
        sendWaiting();
    }

    private void sendWaiting() {
        while (!waiting.isEmpty() && inFlight.tryAcquire()) {
            Pending next = waiting.poll();
            if (next == null) {
                inFlight.release();
                return;
            }
            send(next.httpSession(), next.request());
        }
    }

    private void send(String httpSession, HttpRequest request) {
        try {
            client.sendAsync(request, BodyHandlers.discarding()).whenCompleteAsync((response, failure) -> {
                inFlight.release();
                sendWaiting();
                if (failure != null) {
                    LOG.warnf("Keeping HTTP session %s alive failed: %s", httpSession, failure.toString());
                } else if (response.statusCode() != 200) {
                    // It ended meanwhile: its connections are being closed with 1008 on every node.
                    LOG.debugf("HTTP session %s answered %d to its keep-alive", httpSession, response.statusCode());
                }
            }, ticker.executor());
        } catch (RuntimeException e) {
            inFlight.release();
            LOG.warnf("Keeping HTTP session %s alive failed: %s", httpSession, e.toString());
        }
    }
}
