package org.chorus.domain;

import java.util.List;
import java.util.Map;

/**
 * What a WebSocket connection carries across a failover: its user, HTTP session, joined rooms and user properties
 * (serialized values, Base64).
 */
public record ConnectionState(String user, String httpSession, List<String> rooms, Map<String, String> properties) {

    public ConnectionState {
        rooms = List.copyOf(rooms);
        properties = Map.copyOf(properties);
    }
}
