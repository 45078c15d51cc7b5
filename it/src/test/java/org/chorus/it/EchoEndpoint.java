package org.chorus.it;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Test-only diagnostic endpoint for the Autobahn fuzzer: echoes each text and binary message. It exists only in the
 * {@code chorus-diagnostics} deployment that {@link Autobahn} deploys for the run and removes afterwards.
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    @OnMessage
    public void text(Session session, String message) throws IOException {
        session.getBasicRemote().sendText(message);
    }

    @OnMessage
    public void binary(Session session, ByteBuffer message) throws IOException {
        session.getBasicRemote().sendBinary(message);
    }
}
