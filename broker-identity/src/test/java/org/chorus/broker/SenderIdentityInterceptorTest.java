package org.chorus.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.CreateSessionMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionSendMessage;
import org.apache.activemq.artemis.core.remoting.CloseListener;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.junit.jupiter.api.Test;

class SenderIdentityInterceptorTest {

    private final SenderIdentityInterceptor interceptor = new SenderIdentityInterceptor();

    @Test
    void aMessageToTheInboundQueueCarriesTheUserItsSessionLoggedInAsWhateverTheClientClaims() {
        Connection connection = new Connection("c1");
        createSession(connection, 11, "monitoring");
        CoreMessage message = send(connection, 11, SenderIdentityInterceptor.INBOUND, "backend");
        assertEquals("monitoring", validatedUser(message));
    }

    @Test
    void eachSessionOfAConnectionHasItsOwnUser() {
        Connection connection = new Connection("c1");
        createSession(connection, 11, "backend");
        createSession(connection, 12, "monitoring");
        assertEquals("backend", validatedUser(send(connection, 11, SenderIdentityInterceptor.INBOUND, null)));
        assertEquals("monitoring", validatedUser(send(connection, 12, SenderIdentityInterceptor.INBOUND, null)));
    }

    @Test
    void withoutAKnownUserAClaimedHeaderIsRemoved() {
        Connection inVm = new Connection("c1");
        createSession(inVm, 11, null); // an in-VM session of the server itself: no user
        assertNull(validatedUser(send(inVm, 11, SenderIdentityInterceptor.INBOUND, "backend")));
        assertNull(validatedUser(send(new Connection("c2"), 5, SenderIdentityInterceptor.INBOUND, "backend")));
    }

    @Test
    void theClustersBridgeKeepsTheHeaderTheFirstServerSet() {
        Connection bridge = new Connection("c1");
        createSession(bridge, 11, SenderIdentityInterceptor.CLUSTER_USER);
        assertEquals("backend", validatedUser(send(bridge, 11, SenderIdentityInterceptor.INBOUND, "backend")));
    }

    @Test
    void messagesToOtherAddressesAreLeftAlone() {
        Connection connection = new Connection("c1");
        createSession(connection, 11, "alice");
        assertEquals("claimed", validatedUser(send(connection, 11, "jms.topic.chorus", "claimed")));
    }

    @Test
    void aClosedConnectionIsForgotten() {
        Connection connection = new Connection("c1");
        createSession(connection, 11, "backend");
        connection.close();
        assertNull(validatedUser(send(connection, 11, SenderIdentityInterceptor.INBOUND, "backend")));
    }

    @Test
    void aFailedSessionCreationOnTheChannelOfALiveSessionCannotLendItsUserName() {
        Connection connection = new Connection("c1");
        createSession(connection, 11, "monitoring"); // authenticated: the broker created this session
        createSession(connection, 11, "backend"); // a wrong password for backend: refused by the broker afterwards
        assertNull(validatedUser(send(connection, 11, SenderIdentityInterceptor.INBOUND, null)),
                "the live session's posts do not carry backend");
        assertNull(validatedUser(send(connection, 11, SenderIdentityInterceptor.INBOUND, "backend")));
        createSession(connection, 11, "monitoring");
        assertNull(validatedUser(send(connection, 11, SenderIdentityInterceptor.INBOUND, null)), "for good");
    }

    @Test
    void aRefusedCreationBeforeARealOneOnTheSameChannelLeavesThatChannelWithoutAUser() {
        Connection connection = new Connection("c1");
        createSession(connection, 11, "backend"); // wrong password: the broker refuses it, channel 11 stays free
        createSession(connection, 11, "monitoring"); // then a real session on the same channel
        assertNull(validatedUser(send(connection, 11, SenderIdentityInterceptor.INBOUND, null)));
        createSession(connection, 12, "monitoring");
        assertEquals("monitoring", validatedUser(send(connection, 12, SenderIdentityInterceptor.INBOUND, "backend")),
                "a session on a fresh channel is stamped as usual");
    }

    private void createSession(Connection connection, long channel, String user) {
        interceptor.intercept(new CreateSessionMessage("session-" + channel, channel, 1, user, "secret", 100 * 1024,
                false, true, true, false, 1024 * 1024, null), connection.proxy);
    }

    private CoreMessage send(Connection connection, long channel, String address, String claimed) {
        CoreMessage message = new CoreMessage(1, 512);
        message.setAddress(address);
        if (claimed != null) {
            message.setValidatedUserID(claimed);
        }
        SessionSendMessage packet = new SessionSendMessage(message);
        packet.setChannelID(channel);
        interceptor.intercept(packet, connection.proxy);
        return message;
    }

    private static String validatedUser(CoreMessage message) {
        Object value = message.getObjectProperty(Message.HDR_VALIDATED_USER);
        return value == null ? null : value.toString();
    }

    /** A remoting connection with an id that can be closed: all the interceptor uses. */
    private static final class Connection {

        private final List<CloseListener> listeners = new ArrayList<>();
        final RemotingConnection proxy;

        Connection(String id) {
            proxy = (RemotingConnection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{
                    RemotingConnection.class}, (self, method, args) -> switch (method.getName()) {
                        case "getID" -> id;
                        case "addCloseListener" -> listeners.add((CloseListener) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void close() {
            listeners.forEach(CloseListener::connectionClosed);
        }
    }
}
