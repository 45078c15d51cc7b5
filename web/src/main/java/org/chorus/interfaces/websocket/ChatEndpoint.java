package org.chorus.interfaces.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.chorus.application.ChatService;
import org.chorus.application.Connections;
import org.chorus.application.RoomService;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.Names;
import org.chorus.infrastructure.store.LocalNode;
import org.chorus.interfaces.failover.Replicas;
import org.chorus.interfaces.failover.ReplicatedUserProperties;
import org.chorus.interfaces.metrics.Metrics;
import org.chorus.interfaces.websocket.FrameBudgets.Kind;
import org.jboss.logging.Logger;

/**
 * The chat WebSocket endpoint: decodes each client frame and hands it to the chat services or the local registry.
 * <p>
 * Its connections fail over through {@link ReplicatedUserProperties}: the interceptor opens or resumes a connection's
 * state before {@link #open} runs (its token, rooms and user properties), and keeps {@code Session.getUserProperties()}
 * in the cluster after every handler.
 */
@ServerEndpoint(ChatEndpoint.PATH)
@ReplicatedUserProperties
public class ChatEndpoint {

    static final String PATH = "/chat";
    private static final int DEFAULT_PAGE = 50;

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class);

    @Inject
    LocalSessions sessions;

    @Inject
    ChatService chat;

    @Inject
    RoomService rooms;

    @Inject
    Replicas replicas;

    @Inject
    SessionKeepAlive keepAlive;

    @Inject
    ConnectionLimits limits;

    @Inject
    Heartbeat heartbeat;

    @Inject
    FrameBudgets budgets;

    @OnOpen
    public void open(Session session) throws IOException {
        if (!(session.getUserPrincipal() instanceof ChatPrincipal principal)) {
            // Only reachable if the handshake bypassed HandshakeGuard.
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "not logged in"));
            return;
        }
        limits.opened(session);
        budgets.opened(session);
        Connections.Opened opened = replicas.opened(session);
        sessions.open(session, principal);
        keepAlive.opened(principal, session.getId());
        Metrics.opened(opened.resumed());
        Outbound.send(session, Frames.welcome(principal.user(), LocalNode.name(), opened.token(), opened
                .resumed(), opened.rooms(), heartbeat.intervalMs(), heartbeat.timeoutMs()));
    }

    /** Text arrives in parts, so that a message past {@code chorus.max-text-message-bytes} is never held whole. */
    @OnMessage
    public void onText(Session session, String part, boolean last) {
        String text = limits.assemble(session, part, last);
        if (text == null) {
            return;
        }
        try {
            handle(session, ChatPrincipal.userOf(session), InboundFrame.parse(text));
        } catch (ChatRejection e) {
            if (e.code() == ErrorCode.RATE_LIMITED) {
                Metrics.RATE_LIMITED.increment();
            }
            Outbound.send(session, Frames.error(e.code(), e.getMessage(), e.ref()));
        } catch (RuntimeException e) {
            failed(session, e, "the server failed; try again", null);
        }
    }

    /** Not the client's mistake: logged with its stack, answered {@code internal} without it. */
    private static void failed(Session session, RuntimeException e, String message, String ref) {
        LOG.errorf(e, "Frame from %s on connection %s failed", ChatPrincipal.userOf(session), session.getId());
        Outbound.send(session, Frames.error(ErrorCode.INTERNAL, message, ref));
    }

    @OnMessage
    public void onBinary(Session session, ByteBuffer part, boolean last) {
        limits.refuseBinary(session);
    }

    /** The client's answer to a heartbeat ping (see {@link Heartbeat}). */
    @OnMessage
    public void onPong(Session session, PongMessage pong) {
        heartbeat.ponged(session, pong);
    }

    private void handle(Session session, String user, InboundFrame frame) {
        switch (frame.type()) {
            case "join" -> {
                String room = readable(user, frame);
                // One below the largest long, so that since + 1 cannot overflow.
                Long since = frame.optionalLong("since", 0, Long.MAX_VALUE - 1);
                try {
                    budgets.join(session, room, sessions.isMember(room, session), () -> sessions.join(session, room,
                            since));
                } catch (ChatRejection e) {
                    throw e;
                } catch (RuntimeException e) {
                    // It concerns this room: the client can tell which join to repeat.
                    failed(session, e, "the join failed; join again", room);
                }
            }
            case "leave" -> {
                String room = readable(user, frame);
                budgets.leave(session, room, () -> sessions.leave(session, room));
                Outbound.send(session, Frames.left(room));
            }
            case "send" -> {
                String room = frame.string("room");
                String id = frame.string("id");
                if (!Names.isRoom(room)) {
                    throw new ChatRejection(ErrorCode.INVALID_ROOM, "not a room name (inboxes take \"direct\"): "
                            + room, id);
                }
                member(session, room, id);
                Outbound.send(session, Frames.ack(chat.send(user, room, id, frame.string("text"))));
                Metrics.MESSAGES_IN.increment();
            }
            case "direct" -> {
                Outbound.send(session, Frames.ack(chat.direct(user, frame.string("to"), frame.string("id"), frame
                        .string("text"))));
                Metrics.MESSAGES_IN.increment();
            }
            case "history" -> {
                String room = readable(user, frame);
                Long before = frame.optionalLong("before", 1, Long.MAX_VALUE);
                Long limit = frame.optionalLong("limit", 1, RoomService.MAX_PAGE);
                Outbound.send(session, Frames.history(budgets.history(session, room, () -> rooms.history(user, room,
                        before, limit == null ? DEFAULT_PAGE : limit.intValue()))));
            }
            case "typing" -> {
                String room = frame.string("room");
                member(session, room, room);
                budgets.take(session, Kind.TYPING, room);
                chat.typing(user, room);
            }
            case "ping" -> {
                budgets.take(session, Kind.PING, null);
                Outbound.send(session, Frames.pong());
            }
            default -> throw new ChatRejection(ErrorCode.BAD_REQUEST, "unknown frame type: " + frame.type(), null);
        }
    }

    private String readable(String user, InboundFrame frame) {
        String room = frame.string("room");
        rooms.checkReadable(user, room);
        return room;
    }

    private void member(Session session, String room, String ref) {
        if (!sessions.isMember(room, session)) {
            throw new ChatRejection(ErrorCode.NOT_MEMBER, "join " + room + " first", ref);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        Metrics.closed(reason.getCloseCode().getCode());
        forget(session);
        LOG.debugf("Connection %s of %s closed: %s", session.getId(), ChatPrincipal.userOf(session), reason);
    }

    @OnError
    public void error(Session session, Throwable error) {
        forget(session);
        LOG.debugf("Connection %s of %s failed: %s", session.getId(), ChatPrincipal.userOf(session), error.toString());
    }

    private void forget(Session session) {
        sessions.remove(session);
        if (session.getUserPrincipal() instanceof ChatPrincipal principal) {
            keepAlive.closed(principal, session.getId());
        }
    }

}
