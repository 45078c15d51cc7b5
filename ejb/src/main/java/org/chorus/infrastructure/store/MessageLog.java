package org.chorus.infrastructure.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.cache.StoredMessage;
import org.chorus.domain.ChatMessage;
import org.chorus.infrastructure.messaging.MessageJson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;

/**
 * Each room's messages in the replicated, persistent {@code history} cache under {@code room#seq}, as
 * {@link StoredMessage}s (a history written before them, as message JSON, is read too).
 * <p>
 * A seq is taken by storing its message with {@code putIfAbsent}: exactly one writer in the cluster wins each seq, and
 * a seq exists exactly when its message does, so sequences have no gaps, even when a writer crashes. The {@code rooms}
 * cache holds each room's latest seq as a lower bound that writers only raise (every {@link #RAISE_EVERY} seqs); the
 * true latest is found by probing upwards from it, in local reads of the replicated history. Messages beyond
 * {@code chorus.history.retain} are removed by whoever raises the bound, and never closer than
 * {@link #KEEP_BELOW_BOUND} seqs to it: a writer on another node that read the bound before it was raised probes up
 * from the old one, which must still find its messages, or it would take a removed seq again (a retention below 16,
 * removed message by message, let probing fall back into removed seqs and store over them). Only what is within the
 * retention is served ({@link #firstKept}); a few more may stay stored.
 */
@ApplicationScoped
public class MessageLog {

    /**
     * The bound is raised every this many seqs (and at a room's first), not at every message: a replicated write saved
     * on all but one send in 16, for at most 15 local reads more when probing for the latest.
     */
    static final int RAISE_EVERY = 16;
    /** How far below a freshly raised bound removal stops: the bound before it, and a raise's worth more. */
    static final int KEEP_BELOW_BOUND = 2 * RAISE_EVERY;

    @Inject
    ChatCaches caches;

    @Inject
    @ConfigProperty(name = "chorus.history.retain", defaultValue = "10000")
    int retain;

    /** Stores the draft at the room's next seq and returns it as stored. */
    public ChatMessage append(ChatMessage draft) {
        Cache<String, StoredMessage> history = caches.history();
        long seq = latest(draft.room()) + 1;
        while (true) {
            ChatMessage stored = draft.at(seq);
            if (history.putIfAbsent(key(draft.room(), seq), stored(stored)) == null) {
                if (seq == 1 || seq % RAISE_EVERY == 0) {
                    raiseLatest(draft.room(), seq);
                }
                return stored;
            }
            seq++; // another node took it first
        }
    }

    /** The room's latest seq; 0 for a room without messages. */
    public long latest(String room) {
        return latest(room, 0);
    }

    /**
     * The room's latest seq, probing up from {@code stored} when it is above the bound: a seq this node saw stored, or
     * one that fell out of retention (retention never removes above the bound).
     */
    public long latest(String room, long stored) {
        Long known = caches.rooms().get(room);
        long seq = Math.max(stored, known == null ? 0 : known);
        while (caches.history().containsKey(key(room, seq + 1))) {
            seq++;
        }
        return seq;
    }

    /** The oldest seq still kept, given the room's latest. */
    public long firstKept(long latest) {
        return Math.max(1, latest - retain + 1);
    }

    /** The stored messages with {@code from <= seq <= to}, in seq order. */
    public List<ChatMessage> range(String room, long from, long to) {
        List<ChatMessage> messages = new ArrayList<>((int) Math.max(0, Math.min(to - from + 1, 1024)));
        for (long seq = Math.max(from, 1); seq <= to; seq++) {
            Object value = caches.history().get(key(room, seq)); // Object: a value of the JSON history is a String
            if (value != null) {
                messages.add(message(value));
            }
        }
        return messages;
    }

    static StoredMessage stored(ChatMessage m) {
        return new StoredMessage(m.room(), m.seq(), m.id(), m.from(), m.to(), m.text(), m.ts().getEpochSecond(), m.ts()
                .getNano());
    }

    /**
     * The message of a history value: a {@link StoredMessage}, or the JSON that this cache held before them (history
     * outlives an upgrade on every node's disk); anything else fails, as a damaged entry must.
     */
    static ChatMessage message(Object value) {
        if (value instanceof String json) {
            return MessageJson.read(json);
        }
        StoredMessage m = (StoredMessage) value;
        return new ChatMessage(m.room(), m.seq(), m.id(), m.from(), m.to(), m.text(), Instant.ofEpochSecond(m
                .epochSecond(), m.nano()));
    }

    /** The rooms that have messages. */
    public List<String> rooms() {
        return List.copyOf(caches.rooms().keySet());
    }

    /**
     * Raises the room's bound to {@code seq} unless it is there already; the writer that raises it from {@code b} also
     * removes the messages that fell out of retention between the two bounds, {@code (cut(b), cut(seq)]} (so each
     * stretch is removed by exactly one writer).
     */
    private void raiseLatest(String room, long seq) {
        Cache<String, Long> rooms = caches.rooms();
        while (true) {
            Long current = rooms.get(room);
            if (current != null && current >= seq) {
                return;
            }
            boolean raised = current == null
                    ? rooms.putIfAbsent(room, seq) == null
                    : rooms.replace(room, current, seq);
            if (raised) {
                for (long old = cut(current == null ? 0 : current) + 1; old <= cut(seq); old++) {
                    caches.history().removeAsync(key(room, old));
                }
                return;
            }
        }
    }

    /** The highest seq that may be removed while the bound is {@code bound}: out of retention and well below it. */
    private long cut(long bound) {
        return Math.max(0, bound - Math.max(retain, KEEP_BELOW_BOUND));
    }

    static String key(String room, long seq) {
        return room + "#" + seq;
    }
}
