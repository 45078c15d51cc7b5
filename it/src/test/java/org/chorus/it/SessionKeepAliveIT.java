package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An HTTP session stays alive as long as it has an open chat connection, however long that is, and times out as
 * configured once the last one closes. The deployment gives sessions a timeout of
 * {@value ShortSessions#TIMEOUT_SECONDS} s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionKeepAliveIT extends InstrumentedNodes {

    private static final Duration OUTLAST = Duration.ofSeconds(4L * ShortSessions.TIMEOUT_SECONDS);

    @Test
    void aSessionWithAnOpenConnectionOutlastsItsTimeoutAndEndsAfterTheLastCloses() throws Exception {
        ChatClient alice = login(node1(), "alice");
        ChatClient bob = login(node2(), "bob");
        alice.connect();

        // Four timeouts with no request from alice: her open connection must keep her session (and itself) alive.
        assertThrows(TimeoutException.class, () -> alice.closed().get(OUTLAST.toMillis(), TimeUnit.MILLISECONDS),
                "alice's connection was closed although it was open all the time");
        assertEquals(401, bob.get("api/session").statusCode(), "bob, without a connection, timed out meanwhile");
        assertEquals(200, alice.on(node2()).get("api/session").statusCode(), "alice's session is alive on node-2");
        alice.join(Cluster.freshRoom("alive"));

        alice.close();
        // Nothing can observe a session's timeout without touching it: the condition under test is idleness itself.
        Thread.sleep(OUTLAST.toMillis());
        assertEquals(401, alice.get("api/session").statusCode(), "alice's session outlived her last connection");
    }
}
