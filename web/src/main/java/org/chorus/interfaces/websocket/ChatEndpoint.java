package org.chorus.interfaces.websocket;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.chorus.application.ChatService;
import org.chorus.domain.ChatMessage;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.Names;
import org.chorus.interfaces.LoginSessions;
import org.jboss.logging.Logger;

/**
 * The chat WebSocket endpoint: decodes each client frame and hands it to the chat service or the local registry.
 */
@ServerEndpoint(ChatEndpoint.PATH)
public class ChatEndpoint {

    static final String PATH = "/chat";

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class);

    @Inject
    LocalSessions sessions;

    @Inject
    ChatService chat;

    @OnOpen
    public void open(Session session) throws IOException {
        if (!(session.getUserPrincipal() instanceof ChatPrincipal principal)) {
            // Only reachable if the handshake bypassed HandshakeGuard.
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "not logged in"));
            return;
        }
        sessions.open(session, principal);
        LocalSessions.send(session, Frames.welcome(principal.user(), LoginSessions.node()));
    }

    @OnMessage
    public void onText(Session session, String text) {
        try {
            handle(session, InboundFrame.parse(text));
        } catch (ChatRejection e) {
            LocalSessions.send(session, Frames.error(e.code(), e.getMessage(), e.ref()));
        }
    }

    private void handle(Session session, InboundFrame frame) {
        switch (frame.type()) {
            case "join" -> {
                String room = room(frame);
                sessions.join(room, session);
                LocalSessions.send(session, Frames.joined(room));
            }
            case "leave" -> {
                String room = room(frame);
                sessions.leave(room, session);
                LocalSessions.send(session, Frames.left(room));
            }
            case "send" -> {
                String room = room(frame);
                String id = frame.string("id");
                if (!sessions.isMember(room, session)) {
                    throw new ChatRejection(ErrorCode.NOT_MEMBER, "join " + room + " first", id);
                }
                ChatMessage accepted = chat.post(user(session), room, id, frame.string("text"));
                LocalSessions.send(session, Frames.ack(accepted));
            }
            case "ping" -> LocalSessions.send(session, Frames.pong());
            default -> throw new ChatRejection(ErrorCode.BAD_REQUEST, "unknown frame type: " + frame.type(), null);
        }
    }

    private static String room(InboundFrame frame) {
        String room = frame.string("room");
        if (!Names.isRoom(room)) {
            throw new ChatRejection(ErrorCode.INVALID_ROOM, "not a room name: " + room, room);
        }
        return room;
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sessions.remove(session);
        LOG.debugf("Connection %s of %s closed: %s", session.getId(), user(session), reason);
    }

    @OnError
    public void error(Session session, Throwable error) {
        sessions.remove(session);
        LOG.debugf("Connection %s of %s failed: %s", session.getId(), user(session), error.toString());
    }

    private static String user(Session session) {
        return session.getUserPrincipal() == null ? null : session.getUserPrincipal().getName();
    }
}
