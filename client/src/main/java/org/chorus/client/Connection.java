package org.chorus.client;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.chorus.client.frame.Frames;
import org.chorus.client.spi.Inbound;
import org.chorus.client.spi.Link;

/**
 * One WebSocket of a session, from its opening to its end: it parses the server's frames, notes every frame and ping as
 * heard, and tells the session when the server has said nothing for the heartbeat of its welcome. Guarded by the
 * session's monitor, but for the time it last heard something.
 */
final class Connection implements Inbound {

    /** How long a close waits for the server's answer before the socket is dropped. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final Session session;
    private volatile long heard = System.nanoTime();
    private Link link;
    private List<String> early;
    private long silenceNanos;
    private ScheduledFuture<?> check;
    private boolean peerClosed;
    private boolean ended;

    Connection(Session session) {
        this.session = session;
    }

    @Override
    public void text(String text) {
        long now = System.nanoTime();
        heard = now;
        JsonObject frame;
        try {
            frame = Frames.parse(text);
        } catch (RuntimeException e) {
            Session.LOG.log(Level.WARNING, "a frame that is no JSON object, ignored: {0}", e.getMessage());
            return;
        }
        session.frame(this, frame, now);
    }

    @Override
    public void ping() {
        heard = System.nanoTime();
    }

    @Override
    public void closed(int code, String reason) {
        synchronized (session) {
            peerClosed = true;
            session.lost(this, ConnectionLostException.closed(code, reason));
        }
    }

    @Override
    public void failed(Throwable failure) {
        session.lost(this, ConnectionLostException.failed(failure));
    }

    /** The transport opened the link: what was written before goes now. */
    void attach(Link opened) {
        link = opened;
        if (early != null) {
            early.forEach(opened::send);
            early = null;
        }
    }

    /** Writes a frame (it waits, in order, if the welcome came before the transport handed the link over). */
    void send(String frame) {
        if (link != null) {
            link.send(frame);
        } else {
            if (early == null) {
                early = new ArrayList<>();
            }
            early.add(frame);
        }
    }

    /** From now on, leaves the server once it says nothing for {@code millis} (0: never). */
    void watch(long millis) {
        silenceNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        if (millis > 0 && check == null) {
            check = session.tasks.after(silenceNanos, this::check);
        }
    }

    /** On the timer, under the session's monitor: lost if silent, else looks again when it would be. */
    private void check() {
        if (ended) {
            return;
        }
        long quiet = System.nanoTime() - heard;
        if (quiet > silenceNanos) {
            session.lost(this, ConnectionLostException.silence(TimeUnit.NANOSECONDS.toMillis(quiet)));
        } else {
            check = session.tasks.after(silenceNanos - quiet + 1, this::check);
        }
    }

    /** The session is done with it: no more checks, and the connection dropped unless the server closed it. */
    void end() {
        stop();
        if (link != null && !peerClosed) {
            link.abort();
        }
    }

    /** The client closes it with {@code code}. */
    void close(int code) {
        stop();
        if (link != null) {
            Link closing = link;
            closing.close(code);
            // A silent server never answers the close: the socket goes anyway (after the client ended, so not a task).
            try {
                session.settings.timer().schedule(closing::abort, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                closing.abort();
            }
        }
    }

    private void stop() {
        ended = true;
        if (check != null) {
            check.cancel(false);
        }
    }
}
