package org.chorus.interfaces.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.websocket.Session;

import org.chorus.application.Connections;
import org.chorus.infrastructure.serialization.JavaValues;
import org.chorus.infrastructure.serialization.ValueFilters;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    /** An application type the default filter does not allow. */
    record Note(String text) implements Serializable {
    }

    /** The cluster as the replicas see it: what each open found and each write wrote. */
    private static final class Cluster extends Connections {

        final Map<String, String> stored = new HashMap<>();
        final List<String> opens = new ArrayList<>();
        int writes;

        @Override
        public Opened open(String user, String httpSession, String requested) {
            opens.add(user + "/" + httpSession + "/" + requested);
            return requested == null
                    ? new Opened("new", false, List.of(), Map.of())
                    : new Opened(requested, true, List.of(), Map.copyOf(stored));
        }

        @Override
        public void changeProperties(String token, Map<String, String> changed, Set<String> removed) {
            writes++;
            stored.putAll(changed);
            stored.keySet().removeAll(removed);
        }
    }

    private final Cluster cluster = new Cluster();
    private final Replicas replicas = replicas(cluster);

    @Test
    void theFirstHandlerOpensWithTheHandshakesIdentityAndEachChangedCallWritesOnce() {
        Session session = session(Map.of(HandshakeSession.PARAMETER, List.of("http-1")));
        handle(session, p -> p.put("count", 1));
        assertEquals(List.of("alice/http-1/null"), cluster.opens);
        assertEquals("new", Replicas.token(session));
        assertEquals(Boolean.FALSE, session.getUserProperties().get(ReplicatedUserProperties.RESUMED));
        assertEquals(1, cluster.writes);
        assertEquals(1, JavaValues.decode(cluster.stored.get("count"), ValueFilters.of(ValueFilters.DEFAULT)));

        handle(session, p -> p.get("count"));
        assertEquals(1, cluster.writes, "nothing changed: nothing written");
        handle(session, p -> {
            p.put("count", 2);
            p.put("draft", "dear all,");
        });
        assertEquals(2, cluster.writes, "two values changed: one write");
        handle(session, p -> p.remove("draft"));
        assertEquals(Set.of("count"), cluster.stored.keySet());
        assertEquals(List.of("alice/http-1/null"), cluster.opens, "opened once");
    }

    @Test
    void aResumeRestoresWhatTheFilterAllowsBeforeTheHandlerAndWritesNothingBack() {
        cluster.stored.put("count", JavaValues.encode(7));
        cluster.stored.put("note", JavaValues.encode(new Note("not allowed")));
        Session session = session(Map.of("resume", List.of("earlier")));
        handle(session, p -> assertEquals(7, p.get("count"), "there before the first handler"));
        assertFalse(session.getUserProperties().containsKey("note"), "rejected by the filter: left out");
        assertEquals("earlier", Replicas.token(session));
        assertEquals(Boolean.TRUE, session.getUserProperties().get(ReplicatedUserProperties.RESUMED));
        assertEquals(0, cluster.writes);
        assertEquals(Set.of("count", "note"), cluster.stored.keySet(), "a rejected value is not removed either");
    }

    @Test
    void aValueThatDoesNotSerializeStaysLocalAndTakesAnOlderCopyOutOfTheCluster() {
        Session session = session(Map.of());
        handle(session, p -> p.put("socket", "serializable at first"));
        handle(session, p -> p.put("socket", new Object()));
        assertEquals(Map.of(), cluster.stored);
        int writes = cluster.writes;
        handle(session, p -> p.put("other", 1));
        assertEquals(writes + 1, cluster.writes, "the local value is not tried again");
        handle(session, p -> p.put("holder", new ArrayList<>(List.of(new Object()))));
        assertFalse(cluster.stored.containsKey("holder"));
    }

    @Test
    void closingBeforeAnyHandlerOpenedOpensNothingAndAnUninterceptedEndpointIsNamed() {
        Session session = session(Map.of());
        assertNull(replicas.enter(session, false));
        assertTrue(cluster.opens.isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> replicas.opened(session));
        assertTrue(e.getMessage().contains("not intercepted"), e.getMessage());
    }

    /** One handler call as the interceptor makes it. */
    private void handle(Session session, java.util.function.Consumer<Map<String, Object>> handler) {
        Replica replica = replicas.enter(session, true);
        try {
            handler.accept(session.getUserProperties());
        } finally {
            replicas.leave(session, replica, ReplicasTest.class);
        }
    }

    private static Replicas replicas(Connections connections) {
        Replicas replicas = new Replicas();
        replicas.connections = connections;
        replicas.filter = new PropertyFilter();
        replicas.filter.pattern = ValueFilters.DEFAULT;
        replicas.localOnly = new LocalOnlyValues();
        return replicas;
    }

    /** A connection of alice with the handshake's parameters. */
    private static Session session(Map<String, List<String>> parameters) {
        Map<String, Object> properties = Collections.synchronizedMap(new HashMap<>());
        Principal alice = () -> "alice";
        return (Session) Proxy.newProxyInstance(ReplicasTest.class.getClassLoader(), new Class<?>[]{Session.class}, (
                proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> properties;
                    case "getUserPrincipal" -> alice;
                    case "getRequestParameterMap" -> parameters;
                    case "getId" -> "1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
