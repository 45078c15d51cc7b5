package org.chorus.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.chorus.client.retry.Backoff;
import org.chorus.client.spi.Authenticator;
import org.chorus.client.spi.FrameObserver;
import org.chorus.client.spi.Transport;

/** What a client was built with, fixed for its life (the password is wiped when the client ends). */
record Settings(List<URI> bases, String path, String user, char[] password, Consumer<ConnectionEvent> onState,
        Backoff backoff, int maxAttempts, BooleanSupplier reconnectIf, int retries, long openTimeoutNanos,
        Transport transport, Authenticator authenticator, FrameObserver observer, ScheduledExecutorService timer) {

    /**
     * Close codes after which another try would end the same way (normal, protocol, binary, logged out, too big...).
     */
    private static final Set<Integer> FINAL = Set.of(1000, 1002, 1003, 1007, 1008, 1009, 1010);

    /** Whether attempt {@code attempt} may go ahead after a link was lost to {@code cause}. */
    boolean mayReconnect(Throwable cause, int attempt) {
        if (cause instanceof ConnectionLostException lost && FINAL.contains(lost.code())) {
            return false;
        }
        return (maxAttempts == 0 || attempt <= maxAttempts) && reconnectIf.getAsBoolean();
    }

    /**
     * Whether a refusal with {@code code} is tried again, the {@code tries}-th time: internal always, a rate limit a
     * few.
     */
    boolean retries(String code, int tries) {
        return code.equals("internal") || code.equals("rate_limited") && tries <= retries;
    }

    /** The {@code at}-th address, counted round the list. */
    URI base(int at) {
        return bases.get(Math.floorMod(at, bases.size()));
    }

    /** The WebSocket address at the {@code at}-th address, resuming with {@code token} when there is one. */
    URI chat(int at, String token) {
        URI base = base(at);
        String chat = (base.getScheme().equalsIgnoreCase("https") ? "wss" : "ws") + "://" + base.getRawAuthority()
                + path;
        return URI.create(token == null ? chat : chat + "?resume=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
