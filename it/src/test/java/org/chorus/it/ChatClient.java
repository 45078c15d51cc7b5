package org.chorus.it;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A protocol client as a user's program would be: logs in over HTTP, then talks JSON frames over the WebSocket.
 */
public final class ChatClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI base;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final List<JsonObject> skipped = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private WebSocket socket;
    private volatile java.util.function.Consumer<JsonObject> onArrival = frame -> {
    };

    private ChatClient(URI base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(TIMEOUT).build());
    }

    private ChatClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Calls {@code observer} with each frame as it arrives, on the receiving thread (for timing). */
    public void onArrival(java.util.function.Consumer<JsonObject> observer) {
        this.onArrival = observer;
    }

    /** The session cookie, {@code JSESSIONID=...}, as a raw client would send it. */
    public String sessionCookie() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream().filter(
                c -> c.getName().equals("JSESSIONID")).map(Object::toString).findFirst().orElseThrow();
    }

    /** A second client with this one's cookies (so its HTTP session) talking to another server. */
    public ChatClient on(URI otherBase) {
        return new ChatClient(otherBase, http);
    }

    /** A client without a session; {@code base} is e.g. {@code http://127.0.0.1:8180/chorus/}. */
    public static ChatClient anonymous(URI base) {
        return new ChatClient(base);
    }

    /** A client without a session that talks HTTPS and WSS, trusting what {@code tls} trusts. */
    public static ChatClient anonymous(URI base, javax.net.ssl.SSLContext tls) {
        return new ChatClient(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(TIMEOUT)
                .sslContext(tls).build());
    }

    /** Logs in and returns the client; fails unless the server answers 200. */
    public static ChatClient login(URI base, String user, String password) throws Exception {
        ChatClient client = new ChatClient(base);
        HttpResponse<String> answer = client.postSession(user, password);
        if (answer.statusCode() != 200) {
            throw new AssertionError("login of " + user + " at " + base + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return client;
    }

    public HttpResponse<String> postSession(String user, String password) throws Exception {
        String body = Json.createObjectBuilder().add("user", user).add("password", password).build().toString();
        return post("api/session", body);
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "application/json");
    }

    /** A POST of {@code body} sent as {@code contentType} (as a form or another page might send it). */
    public HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body))
                .build();
        return http.send(request, BodyHandlers.ofString());
    }

    /** A GET with extra request headers given as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        return http.send(headers.length == 0 ? request.build() : request.headers(headers).build(), BodyHandlers
                .ofString());
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).DELETE().build(),
                BodyHandlers.ofString());
    }

    /** Opens the chat WebSocket with this client's cookies and returns the {@code welcome} frame. */
    public JsonObject connect() throws Exception {
        return connect(null);
    }

    /** Opens the chat WebSocket asking to resume {@code token} (when not null); returns the {@code welcome}. */
    public JsonObject connect(String token) throws Exception {
        return connect(token, http.newWebSocketBuilder());
    }

    /** Opens the chat WebSocket as a browser page of {@code origin} would; returns the {@code welcome}. */
    public JsonObject connectFrom(String origin) throws Exception {
        return connect(null, http.newWebSocketBuilder().header("Origin", origin));
    }

    private JsonObject connect(String token, WebSocket.Builder builder) throws Exception {
        open(token == null ? "chat" : "chat?resume=" + token, builder);
        return next("welcome");
    }

    /**
     * Opens a WebSocket to another endpoint of the application, {@code path} (query included) below the base, with this
     * client's cookies; returns its first frame (every frame it sends must be a JSON object with a {@code type}).
     */
    public JsonObject open(String path) throws Exception {
        open(path, http.newWebSocketBuilder());
        return next(f -> true, "a first frame from " + path);
    }

    private void open(String path, WebSocket.Builder builder) throws Exception {
        URI ws = URI.create(base.resolve(path).toString().replaceFirst("^http", "ws"));
        socket = builder.connectTimeout(TIMEOUT).buildAsync(ws, new Listener()).get(TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
    }

    /** Sends a text frame and returns the next frame of type {@code answer}. */
    public JsonObject ask(String text, String answer) throws Exception {
        sendRaw(text);
        return next(answer);
    }

    /** Sends a binary frame (not part of the protocol). */
    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    public void send(JsonObject frame) {
        socket.sendText(frame.toString(), true).join();
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public JsonObject join(String room) throws Exception {
        send(Json.createObjectBuilder().add("type", "join").add("room", room).build());
        return next(f -> "joined".equals(f.getString("type")) || "error".equals(f.getString("type")), "joined");
    }

    /** Joins with {@code since} and returns the {@code joined} frame. */
    public JsonObject join(String room, long since) throws Exception {
        send(Json.createObjectBuilder().add("type", "join").add("room", room).add("since", since).build());
        return next(f -> "joined".equals(f.getString("type")) || "error".equals(f.getString("type")), "joined");
    }

    /** Sends a direct message and returns its {@code ack} (or the {@code error}). */
    public JsonObject direct(String to, String id, String text) throws Exception {
        send(Json.createObjectBuilder().add("type", "direct").add("to", to).add("id", id).add("text", text).build());
        return next(f -> "ack".equals(f.getString("type")) && id.equals(f.getString("id"))
                || "error".equals(f.getString("type")), "ack of " + id);
    }

    /** The next {@code count} messages of {@code room}, in the order they arrived. */
    public List<JsonObject> messages(String room, int count, Duration timeout) throws InterruptedException {
        List<JsonObject> messages = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            messages.add(next(f -> "message".equals(f.getString("type")) && room.equals(f.getString("room")), (count
                    - messages.size()) + " more messages of " + room, left));
        }
        return messages;
    }

    /** Sends a message and returns its {@code ack}, or the error frame that refused it. */
    public JsonObject say(String room, String id, String text) throws Exception {
        send(Json.createObjectBuilder().add("type", "send").add("room", room).add("id", id).add("text", text).build());
        JsonObject answer = next(f -> "ack".equals(f.getString("type")) && id.equals(f.getString("id"))
                || "error".equals(f.getString("type")), "ack of " + id);
        if ("ack".equals(answer.getString("type")) && !room.equals(answer.getString("room"))) {
            throw new AssertionError("id " + id + " was used before by this user (" + answer
                    + "): ids are unique per user, and the dedupe window outlives a test; see Cluster.freshId");
        }
        return answer;
    }

    /** The next frame of the given type; fails after {@link #TIMEOUT}. */
    public JsonObject next(String type) throws InterruptedException {
        return next(f -> type.equals(f.getString("type")), type);
    }

    /** The next frame matching {@code wanted}; fails after {@link #TIMEOUT}. */
    public JsonObject next(Predicate<JsonObject> wanted, String what) throws InterruptedException {
        return next(wanted, what, TIMEOUT);
    }

    /**
     * The first frame not yet returned that matches {@code wanted}; frames passed over stay available to later calls.
     * Fails after {@code timeout}.
     */
    public JsonObject next(Predicate<JsonObject> wanted, String what, Duration timeout) throws InterruptedException {
        for (int i = 0; i < skipped.size(); i++) {
            if (wanted.test(skipped.get(i))) {
                return skipped.remove(i);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no " + what + " within " + timeout + "; frames seen: " + seen);
            }
            seen.add(frame);
            if (wanted.test(frame)) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    /**
     * Every frame matching {@code wanted} that is already here or arrives within {@code window} (the whole window is
     * waited for: this is how a test shows that something does not come). Frames passed over stay available.
     */
    public List<JsonObject> framesUntil(Predicate<JsonObject> wanted, Duration window) throws InterruptedException {
        List<JsonObject> found = new ArrayList<>();
        skipped.removeIf(f -> wanted.test(f) && found.add(f));
        long deadline = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            JsonObject frame = frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                break;
            }
            seen.add(frame);
            if (wanted.test(frame)) {
                found.add(frame);
            } else {
                skipped.add(frame);
            }
        }
        return found;
    }

    /** Every frame received and looked at so far by {@code next}, in order of arrival. */
    public List<JsonObject> seen() {
        return List.copyOf(seen);
    }

    /** WebSocket pings the server sent on the current connection (the JDK client answers each with a pong). */
    public int pings() {
        return pings.get();
    }

    /** The close code the server sent, once the connection is closed. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket = null;
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
                onArrival.accept(frame);
                frames.add(frame);
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            pings.incrementAndGet();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
