package org.chorus.client;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import jakarta.json.JsonObject;

import org.chorus.client.frame.Frames;

/**
 * The rooms a client follows: joins and their answers, the re-joins after a welcome and for a gap, leaves, and each
 * room's frames to its listener, with listener failures logged. Guarded by the session's monitor.
 */
final class Rooms {

    private final Session session;
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Void>> leaving = new HashMap<>();

    Rooms(Session session) {
        this.session = session;
    }

    /** Joins {@code name}, or joins it again since the last message delivered (a re-sync) if it is joined. */
    CompletableFuture<Joined> join(String name, RoomListener listener) {
        Room room = rooms.computeIfAbsent(name, Room::new);
        room.listener = listener;
        if (room.joining == null) {
            room.joining = new CompletableFuture<>();
        }
        CompletableFuture<Joined> joined = room.joining;
        if (!room.awaiting && session.linked()) {
            session.write(room.join());
        }
        return joined;
    }

    CompletableFuture<Void> leave(String name) {
        Room room = rooms.remove(name);
        if (room != null && room.joining != null) {
            room.joining.completeExceptionally(new CancellationException("left " + name + " before it was joined"));
        }
        if (!session.linked()) {
            return CompletableFuture.completedFuture(null); // the next connection will not join it
        }
        session.write(Frames.leave(name));
        return leaving.computeIfAbsent(name, n -> new CompletableFuture<>());
    }

    /** After a welcome: leaves what a resumed state holds and the client left meanwhile, and joins every room again. */
    void rejoin(Welcome welcome) {
        if (welcome.resumed()) {
            welcome.rooms().stream().filter(r -> !rooms.containsKey(r)).forEach(r -> session.write(Frames.leave(r)));
        }
        rooms.values().forEach(room -> session.write(room.join()));
    }

    /** Whether a join is still on its way. */
    boolean syncing() {
        for (Room room : rooms.values()) {
            if (room.awaiting) {
                return true;
            }
        }
        return false;
    }

    /** The connection is gone: no join is on its way any more, and a leave on its way is as good as done. */
    void unlinked() {
        rooms.values().forEach(room -> room.awaiting = false);
        List<CompletableFuture<Void>> left = new ArrayList<>(leaving.values());
        leaving.clear();
        left.forEach(l -> l.complete(null));
    }

    void joined(JsonObject frame) {
        Room room = rooms.get(frame.getString("room", ""));
        if (room != null) {
            room.joined(Frames.number(frame, "seq", 0), frame.getBoolean("truncated", false));
            CompletableFuture<Joined> joining = room.joining;
            room.joining = null;
            if (joining != null) {
                joining.complete(Decode.joined(frame));
            }
        }
    }

    void message(JsonObject frame) {
        Room room = rooms.get(frame.getString("room", ""));
        if (room == null) {
            return;
        }
        switch (room.accept(Frames.number(frame, "seq", -1))) {
            case DELIVER -> {
                if (room.listener != RoomListener.IGNORE) {
                    try {
                        room.listener.onMessage(Decode.message(frame));
                    } catch (RuntimeException e) {
                        Session.LOG.log(Level.WARNING, () -> "the listener of " + room.name + " failed", e);
                    }
                }
            }
            case GAP -> {
                if (room.resync()) {
                    Session.LOG.log(Level.DEBUG, "{0}: a gap before seq {1}; joining again", room.name, frame.get(
                            "seq"));
                    session.write(room.join());
                }
            }
            case DROP -> {
                // a repeat: the listener had it
            }
        }
    }

    /** A presence or typing frame. */
    void notice(JsonObject frame) {
        Room room = rooms.get(frame.getString("room", ""));
        if (room == null) {
            return;
        }
        String user = frame.getString("user", null);
        try {
            if (frame.getString("type").equals("typing")) {
                room.listener.onTyping(room.name, user);
            } else {
                room.listener.onPresence(room.name, user, "online".equals(frame.getString("status", "")));
            }
        } catch (RuntimeException e) {
            Session.LOG.log(Level.WARNING, () -> "the listener of " + room.name + " failed", e);
        }
    }

    void left(JsonObject frame) {
        CompletableFuture<Void> left = leaving.remove(frame.getString("room", ""));
        if (left != null) {
            left.complete(null);
        }
    }

    /** An error frame naming a room: its join is tried again if that may help, or fails; false if not ours. */
    boolean refused(ChatErrorException error) {
        Room room = rooms.get(error.ref());
        if (room != null && room.awaiting) {
            // A re-join nobody waits for (after a reconnect or a gap) keeps trying: giving up would end the room
            // silently.
            if (session.settings.retries(error.code(), ++room.tries) || room.joining == null && error.code().equals(
                    "rate_limited")) {
                session.tasks.later(room.tries, () -> {
                    if (rooms.get(room.name) == room && room.awaiting && session.linked()) {
                        session.write(room.join());
                    }
                });
            } else {
                rooms.remove(room.name);
                room.awaiting = false;
                if (room.joining != null) {
                    room.joining.completeExceptionally(error);
                }
            }
            return true;
        }
        CompletableFuture<Void> left = leaving.remove(error.ref());
        if (left != null) {
            left.completeExceptionally(error);
        }
        return left != null;
    }

    /** The client is over: every join and leave on its way fails with {@code failure}. */
    void fail(Throwable failure) {
        List<CompletableFuture<?>> stages = new ArrayList<>(leaving.values());
        rooms.values().stream().filter(r -> r.joining != null).forEach(r -> stages.add(r.joining));
        rooms.clear();
        leaving.clear();
        stages.forEach(s -> s.completeExceptionally(failure));
    }
}
