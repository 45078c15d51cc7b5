package org.chorus.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.chorus.client.jdk.HttpAuthenticator;
import org.chorus.client.jdk.JdkTransport;
import org.chorus.client.retry.Backoff;
import org.chorus.client.retry.Timers;
import org.chorus.client.spi.Authenticator;
import org.chorus.client.spi.FrameObserver;
import org.chorus.client.spi.Transport;

/** Sets a {@link ChorusClient} up; everything but the address has a default, and without credentials nobody logs in. */
public final class ClientBuilder {

    private final List<URI> bases;
    private String user;
    private char[] password;
    private Consumer<ConnectionEvent> onState = event -> {
    };
    private Duration first = Duration.ofMillis(100);
    private Duration cap = Duration.ofSeconds(5);
    private int maxAttempts;
    private BooleanSupplier reconnectIf = () -> true;
    private int retries = 5;
    private Duration openTimeout = Duration.ofSeconds(10);
    private String path = "/chorus/chat";
    private HttpClient http;
    private Transport transport;
    private Authenticator authenticator;
    private FrameObserver observer;
    private ScheduledExecutorService timer = Timers.shared();

    ClientBuilder(URI base, URI... others) {
        List<URI> all = new ArrayList<>();
        all.add(Objects.requireNonNull(base, "base"));
        all.addAll(Arrays.asList(others));
        this.bases = List.copyOf(all);
    }

    /** Who logs in; the client keeps a copy of {@code password} (for logging in again) and wipes it when it ends. */
    public ClientBuilder credentials(String user, char[] password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Arrays.copyOf(password, password.length);
        return this;
    }

    public ClientBuilder credentials(String user, String password) {
        return credentials(user, password.toCharArray());
    }

    /** Told of every state change, on the client's network or timer thread; must not block. */
    public ClientBuilder onState(Consumer<ConnectionEvent> onState) {
        this.onState = Objects.requireNonNull(onState, "onState");
        return this;
    }

    /** Reconnects and retries wait up to {@code first}, doubling per attempt up to {@code cap}, with full jitter. */
    public ClientBuilder backoff(Duration first, Duration cap) {
        new Backoff(first, cap); // checks them
        this.first = first;
        this.cap = cap;
        return this;
    }

    /** Gives up (state CLOSED) after {@code attempts} failed reconnects in a row; 0, the default, never does. */
    public ClientBuilder maxAttempts(int attempts) {
        this.maxAttempts = Math.max(0, attempts);
        return this;
    }

    /** Asked before every reconnect attempt; false ends the client (state CLOSED) instead. */
    public ClientBuilder reconnectIf(BooleanSupplier allowed) {
        this.reconnectIf = Objects.requireNonNull(allowed, "allowed");
        return this;
    }

    /** How often a send or join refused with {@code rate_limited} is tried again before it fails (default 5). */
    public ClientBuilder retries(int retries) {
        this.retries = Math.max(0, retries);
        return this;
    }

    /**
     * How long an attempt may take (default 10 s) before it is dropped: the first from its start to its welcome, a
     * reconnect to welcomed and re-joined.
     */
    public ClientBuilder openTimeout(Duration timeout) {
        this.openTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The WebSocket's path on the base address (default {@code /chorus/chat}). */
    public ClientBuilder path(String path) {
        this.path = Objects.requireNonNull(path, "path");
        return this;
    }

    /** The HTTP client of the default login and transport (default: one shared by the JVM's clients). */
    public ClientBuilder http(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
        return this;
    }

    /** Another network for the WebSockets (default: {@code java.net.http}). */
    public ClientBuilder transport(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /** Another login (default: {@code POST /chorus/api/session}). */
    public ClientBuilder authenticator(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        return this;
    }

    /** Sees every frame that arrives, before repeats are dropped (for measuring the server). */
    public ClientBuilder observer(FrameObserver observer) {
        this.observer = observer;
        return this;
    }

    /** The timer for backoff, retries and silence checks (default: one daemon thread shared by the JVM's clients). */
    public ClientBuilder scheduler(ScheduledExecutorService timer) {
        this.timer = Objects.requireNonNull(timer, "timer");
        return this;
    }

    public ChorusClient build() {
        Settings settings = new Settings(bases, path, user, password == null
                ? null
                : password.clone(), onState, new Backoff(first, cap), maxAttempts, reconnectIf, retries,
                openTimeout
                        .toNanos(),
                transport == null ? new JdkTransport(http()) : transport, authenticator == null
                        ? new HttpAuthenticator(http())
                        : authenticator,
                observer, timer);
        return new ChorusClient(new Session(settings));
    }

    /** The JVM's shared HTTP client is made only when a default needs it. */
    private HttpClient http() {
        return http == null ? JdkTransport.sharedHttp() : http;
    }
}
