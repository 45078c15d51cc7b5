package org.chorus.interfaces.failover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;

class HandshakeSessionTest {

    private static final Map<String, String[]> FORGED = Map.of("resume", new String[]{"t1"},
            HandshakeSession.PARAMETER, new String[]{"someone-elses"});

    @Test
    void aHandshakeCarriesItsHttpSessionIdAndNeverTheClientsOwn() throws Exception {
        HttpServletRequest passed = filter(request("websocket", "s-1"));
        assertEquals(Map.of("resume", "t1", HandshakeSession.PARAMETER, "s-1"), Map.of("resume", passed.getParameter(
                "resume"), HandshakeSession.PARAMETER, passed.getParameter(HandshakeSession.PARAMETER)));
        assertArrayEquals(new String[]{"s-1"}, passed.getParameterMap().get(HandshakeSession.PARAMETER));

        passed = filter(request("WebSocket", null));
        assertNull(passed.getParameter(HandshakeSession.PARAMETER), "no HTTP session, no id");
        assertFalse(passed.getParameterMap().containsKey(HandshakeSession.PARAMETER));
        assertEquals("t1", passed.getParameterValues("resume")[0]);
    }

    @Test
    void anUpgradeThatDoesNotSayWebsocketStillCannotCarryAForgedId() throws Exception {
        // Undertow's WebSocket filter upgrades on the handshake's other headers, whatever Upgrade says.
        HttpServletRequest passed = filter(request("h2c", "s-1"));
        assertEquals("s-1", passed.getParameter(HandshakeSession.PARAMETER));
        assertNull(filter(request("x", null)).getParameter(HandshakeSession.PARAMETER));
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        HttpServletRequest plain = request(null, "s-1");
        assertSame(plain, filter(plain));
    }

    private static HttpServletRequest filter(HttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(HandshakeSessionTest.class
                .getClassLoader(), new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> null);
        new HandshakeSession().doFilter(request, response, (req, res) -> passed.set(req));
        return (HttpServletRequest) passed.get();
    }

    /**
     * A request with the {@code Upgrade} header {@code upgrade}, the forged parameters, and an HTTP session or none.
     */
    private static HttpServletRequest request(String upgrade, String sessionId) {
        HttpSession session = sessionId == null
                ? null
                : (HttpSession) Proxy.newProxyInstance(HandshakeSessionTest.class
                        .getClassLoader(), new Class<?>[]{HttpSession.class}, (proxy, method, args) -> sessionId);
        return (HttpServletRequest) Proxy.newProxyInstance(HandshakeSessionTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Upgrade".equals(args[0]) ? upgrade : null;
                    case "getParameterMap" -> FORGED;
                    case "getSession" -> session;
                    default -> null;
                });
    }
}
