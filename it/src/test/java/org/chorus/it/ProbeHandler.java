package org.chorus.it;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;

import org.chorus.interfaces.failover.ReplicatedUserProperties;

/**
 * Test-only: a WebSocket handler as the failover interceptor sees one, which {@link PropertiesProbe} calls with a
 * stand-in {@code Session} to time what the interception adds to a handler call.
 */
@Dependent
@ReplicatedUserProperties
public class ProbeHandler {

    @OnMessage
    public void handle(Session session, Consumer<Map<String, Object>> work) {
        work.accept(session.getUserProperties());
    }
}
