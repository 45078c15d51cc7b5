package org.chorus.interfaces.websocket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.Session;

import org.chorus.application.RoomService;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.Presence;
import org.chorus.domain.Typing;
import org.chorus.interfaces.metrics.Metrics;

/**
 * One room on this node: its local subscribers and the seq delivered to them so far.
 * <p>
 * Invariant, under this object's lock: every member has been sent exactly the room's messages up to {@code delivered},
 * in seq order, from its {@code joined} on. Messages arrive from the topic in any order, twice or not at all; older
 * ones are dropped, and a gap is filled from history (a message is stored before it is published, so history always has
 * it).
 */
final class RoomFeed {

    private final String room;
    /** What {@link #join} returns when this feed was retired: join a fresh one. */
    static final int RETIRED = -1;

    private final Set<Session> members = new LinkedHashSet<>();
    private final RecentMessages recent;
    private long delivered;
    private boolean retired;

    /** A feed that starts after {@code latest} and keeps its last {@code recent} messages' frames for joins. */
    RoomFeed(String room, long latest, int recent) {
        this.room = room;
        this.delivered = latest;
        this.recent = new RecentMessages(recent);
    }

    /** Delivers a message from the topic, with any messages missed before it, or drops it if already delivered. */
    synchronized void deliver(ChatMessage message, RoomService rooms) {
        if (message.seq() <= delivered) {
            return;
        }
        if (message.seq() > delivered + 1) {
            fillTo(message.seq() - 1, rooms);
        }
        if (message.seq() == delivered + 1) {
            toMembers(message);
        } // else a seq before it is not yet replicated to this node: the sweep delivers both from history, in order
    }

    /** Catches up with history when the topic lost the latest messages (nothing newer arrived to reveal the gap). */
    synchronized void catchUp(RoomService rooms) {
        if (!members.isEmpty()) {
            deliverUpToLatest(rooms);
        }
    }

    /**
     * Subscribes a connection (again, for a re-join): {@code joined}, then the messages after {@code since} (after the
     * default replay when null), then, as a member, the live ones; returns how many it replayed. All or nothing: what
     * it replays is read before anything is sent, so a failure (a store that cannot be read) sends no {@code joined}
     * and leaves the connection as it was, a member still if it was one.
     */
    synchronized int join(Session session, Long since, RoomService rooms, List<String> online) {
        if (retired) {
            return RETIRED;
        }
        // Out of the members while catching up, so that what it gets again below is not also delivered live.
        boolean wasMember = members.remove(session);
        List<ChatMessage> stored;
        long from;
        long kept;
        boolean truncated;
        try {
            deliverUpToLatest(rooms);
            long first = rooms.firstKept(delivered);
            truncated = since != null && since + 1 < first;
            from = Math.max(first, (since == null ? rooms.defaultSince(delivered) : since) + 1);
            kept = Math.max(from, recent.firstUpTo(delivered));
            stored = from < kept ? rooms.range(room, from, kept - 1) : List.of();
        } catch (RuntimeException e) {
            if (wasMember) {
                members.add(session);
            }
            throw e;
        }
        List<String> frames = new ArrayList<>(stored.size() + (int) (delivered - kept) + 2);
        frames.add(Frames.joined(room, delivered, online, truncated));
        for (ChatMessage m : stored) {
            String frame = Frames.message(m);
            frames.add(frame);
            if (kept == delivered + 1) { // nothing kept up to delivered: what was read serves the next joins
                recent.add(m.seq(), frame);
            }
        }
        for (long seq = kept; seq <= delivered; seq++) {
            frames.add(recent.frame(seq));
        }
        int replayed = frames.size() - 1;
        Outbound.sendEach(session, frames);
        Metrics.MESSAGES_OUT.add(replayed);
        members.add(session);
        return replayed;
    }

    /**
     * Retires this feed if it has no member left (the node then forgets the room); a retired feed takes no join, so a
     * join that raced with it goes to a fresh feed instead.
     */
    synchronized boolean retireIfEmpty() {
        retired = members.isEmpty();
        return retired;
    }

    /** Unsubscribes a connection; returns whether it was a member. */
    synchronized boolean leave(Session session) {
        return members.remove(session);
    }

    synchronized boolean has(Session session) {
        return members.contains(session);
    }

    synchronized void presence(Presence presence) {
        Outbound.toAll(members, Frames.presence(presence));
    }

    /** Shows typing to the room's other subscribers: not to the typing user's own connections. */
    synchronized void typing(Typing typing) {
        Outbound.toAll(members.stream().filter(s -> !typing.user().equals(s.getUserPrincipal().getName())).toList(),
                Frames.typing(typing));
    }

    /** Delivers from history whatever the room stored beyond what this node delivered. */
    private void deliverUpToLatest(RoomService rooms) {
        long latest = rooms.latest(room, delivered);
        if (latest > delivered) {
            fillTo(latest, rooms);
        }
    }

    /**
     * Delivers the stored messages after the last delivered up to {@code to}, stopping at the first seq not yet visible
     * here (stored on another node, its replication still on the way), so that none is ever skipped; messages past
     * retention are gone for everyone and are passed over.
     */
    private void fillTo(long to, RoomService rooms) {
        delivered = Math.max(delivered, rooms.firstKept(to) - 1);
        for (ChatMessage message : rooms.range(room, delivered + 1, to)) {
            if (message.seq() != delivered + 1) {
                return;
            }
            filled(message);
        }
    }

    private void filled(ChatMessage message) {
        Metrics.GAPS_FILLED.increment();
        toMembers(message);
    }

    private void toMembers(ChatMessage message) {
        String frame = Frames.message(message);
        Outbound.toAll(members, frame);
        recent.add(message.seq(), frame);
        delivered = message.seq();
        Metrics.MESSAGES_OUT.add(members.size());
        if (!members.isEmpty()) {
            Metrics.FANOUT_MS.observe(System.currentTimeMillis() - message.ts().toEpochMilli());
        }
    }
}
