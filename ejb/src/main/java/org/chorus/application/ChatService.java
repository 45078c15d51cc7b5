package org.chorus.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.Ack;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.MessageText;
import org.chorus.domain.Names;
import org.chorus.domain.SessionEnded;
import org.chorus.domain.Typing;
import org.chorus.infrastructure.messaging.ChatTopic;
import org.chorus.infrastructure.store.DedupeWindow;
import org.chorus.infrastructure.store.MessageLog;
import org.chorus.infrastructure.store.SendRate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts messages: validates them, stores each once (at its room's next seq) and publishes it to the topic from which
 * every node delivers it. A plain CDI bean: it holds no state and takes part in no transaction (the caches are not
 * transactional and the topic's publisher works apart), so an EJB's pool, security and transaction interceptors would
 * only cost time on every send.
 */
@ApplicationScoped
public class ChatService {

    /** The protocol's default for {@code chorus.max-text-chars}. */
    static final int MAX_TEXT_CODE_POINTS = 4000;

    private final Clock clock = Clock.systemUTC();

    @Inject
    ChatTopic topic;

    @Inject
    MessageLog log;

    @Inject
    DedupeWindow dedupe;

    @Inject
    Connections connections;

    @Inject
    SendRate rate;

    @Inject
    @ConfigProperty(name = "chorus.max-text-chars", defaultValue = "" + MAX_TEXT_CODE_POINTS)
    int maxChars;

    /**
     * Stores and publishes a message of {@code user} to a room; a repeated id gets the first ack. Each new send takes
     * one of the user's tokens ({@code rate_limited} without one); the repeat of a stored one costs none, so a client
     * that re-sends its unacknowledged messages after a failover is never refused for them.
     */
    public Ack send(String user, String room, String id, String text) {
        return fromClient(user, id, List.of(accept(user, room, id, text, clock.instant(), maxChars)));
    }

    /**
     * Stores and publishes a message that another system posts into a room as {@code sender} (the inbound queue): no
     * rate budget, since the queue and its listener pool pace it; a repeated id gets the first ack.
     */
    public Ack post(String sender, String room, String id, String text) {
        if (!Names.isUser(sender)) {
            throw new ChatRejection(ErrorCode.BAD_REQUEST, "sender must be 1 to 64 of [A-Za-z0-9._-]", id);
        }
        if (!Names.isRoom(room)) {
            throw new ChatRejection(ErrorCode.INVALID_ROOM, "not a room name: " + room, id);
        }
        return once(sender, id, List.of(accept(sender, room, id, text, clock.instant(), maxChars)));
    }

    /** Stores a direct message in the recipient's inbox and the sender's; the ack names the sender's inbox. */
    public Ack direct(String user, String to, String id, String text) {
        if (!Names.isUser(to)) {
            throw new ChatRejection(ErrorCode.BAD_REQUEST, "\"to\" must be a user name", id);
        }
        ChatMessage draft = accept(user, Names.inbox(user), id, text, clock.instant(), maxChars);
        ChatMessage letter = new ChatMessage(Names.inbox(to), 0, id, user, to, text, draft.ts());
        return fromClient(user, id, to.equals(user)
                ? List.of(letter.in(Names.inbox(user)))
                : List.of(letter, letter.in(Names.inbox(user))));
    }

    /** A client's send: the repeat of a stored one gets its first ack at no cost, a new one takes a token first. */
    private Ack fromClient(String user, String id, List<ChatMessage> drafts) {
        Ack repeat = dedupe.completed(user, id);
        if (repeat != null) {
            return repeat;
        }
        rateLimit(user, id);
        return once(user, id, drafts);
    }

    /** Tells the room's other subscribers on every node that {@code user} is typing. */
    public void typing(String user, String room) {
        topic.publish(new Typing(room, user));
    }

    /**
     * Records in the cluster that an HTTP session ended (every node's check closes its WebSockets within a second even
     * when the topic is down), forgets the state of those connections, and announces it on the topic (each node closes
     * them at once).
     */
    public void sessionEnded(String httpSession) {
        try {
            connections.sessionEnded(httpSession);
        } finally {
            topic.publish(new SessionEnded(httpSession));
        }
    }

    /**
     * Stores the drafts (in order; the ack names the last) unless this (user, id) was stored before, and publishes
     * them. A claim taken over from a crashed writer reuses what that writer stored.
     */
    private Ack once(String user, String id, List<ChatMessage> drafts) {
        DedupeWindow.Claim claim = dedupe.claim(user, id, drafts.stream().map(ChatMessage::room).toList());
        if (claim.done() != null) {
            return claim.done();
        }
        ChatMessage last = null;
        try {
            for (ChatMessage draft : drafts) {
                ChatMessage stored = claim.stored().get(draft.room());
                last = stored != null ? stored : log.append(draft);
                // Again for a reused one: its first publication may have died with its node. Never fails: once stored,
                // a message the broker cannot take reaches the nodes from history (see ChatTopic).
                topic.publish(last);
            }
        } catch (RuntimeException e) {
            dedupe.failed(user, id, claim, e);
            throw e;
        }
        Ack ack = new Ack(last.id(), last.room(), last.seq());
        dedupe.stored(user, ack);
        return ack;
    }

    private void rateLimit(String user, String id) {
        if (!rate.take(user)) {
            throw new ChatRejection(ErrorCode.RATE_LIMITED, "too many messages: at most " + rate.describe(), id);
        }
    }

    static ChatMessage accept(String user, String room, String id, String text, Instant now, int maxChars) {
        if (!Names.isClientId(id)) {
            throw new ChatRejection(ErrorCode.BAD_REQUEST, "id must be 1 to 64 of [A-Za-z0-9_-]", null);
        }
        if (!Names.isRoom(room) && !Names.isInbox(room)) {
            throw new ChatRejection(ErrorCode.INVALID_ROOM, "not a room name: " + room, id);
        }
        return ChatMessage.draft(room, id, user, MessageText.check(text, maxChars, id), now);
    }
}
