package org.chorus.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.api.core.ICoreMessage;
import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.protocol.core.Packet;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.CreateSessionMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionSendMessage;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Stamps every message sent to the inbound queue with the user its session logged in as (header
 * {@code _AMQ_VALIDATED_USER}), replacing whatever the client put there; without one, the header is removed.
 * <p>
 * Artemis does this itself with populate-validated-user, but not in WildFly: the subsystem has no such attribute, and
 * its Elytron security manager checks a user without reporting it back, so the broker never knows the validated user. A
 * session is created only once its user and password are accepted, so the user named at its creation is the one
 * authenticated; a channel on which a second session creation was attempted keeps no user at all (the header is
 * removed). Messages that the cluster's bridges forward from another server keep the header that server set. Installed
 * on the server's incoming interceptors by {@code config/chorus-profile.cli}.
 */
public class SenderIdentityInterceptor implements Interceptor {

    /** The inbound queue's address. */
    static final String INBOUND = "jms.queue.chorus-inbound";

    /**
     * The user of the cluster's own bridges (WildFly's default cluster-user), which forward messages between the
     * servers with the header the first server set: their messages keep it. Nobody logs in as this user without the
     * cluster password.
     */
    static final String CLUSTER_USER = ActiveMQDefaultConfiguration.getDefaultClusterUser();

    /** The entry of a channel whose session has no proven user (no name, or created twice). */
    private static final String NOBODY = "";

    /** For each open connection, the user named at the creation of each session, by the session's channel. */
    private final Map<Object, Map<Long, String>> users = new ConcurrentHashMap<>();

    @Override
    public boolean intercept(Packet packet, RemotingConnection connection) {
        if (packet instanceof CreateSessionMessage create) {
            // Seen before the broker checks the password. A client never creates two sessions on one channel, so a
            // second creation on a channel (say with another user's name and a wrong password, next to a live session)
            // leaves that channel with no user for good rather than with a name nobody proved.
            users.computeIfAbsent(connection.getID(), id -> {
                connection.addCloseListener(() -> users.remove(id));
                return new ConcurrentHashMap<>();
            }).merge(create.getSessionChannelID(), create.getUsername() == null ? NOBODY : create.getUsername(), (
                    earlier, claimed) -> NOBODY);
        } else if (packet instanceof SessionSendMessage send && INBOUND.equals(send.getMessage().getAddress())) {
            Map<Long, String> sessions = users.get(connection.getID());
            String user = sessions == null ? null : sessions.get(packet.getChannelID());
            if (!CLUSTER_USER.equals(user)) {
                stamp(send.getMessage(), NOBODY.equals(user) ? null : user);
            }
        }
        return true;
    }

    /** Sets the validated user of a message, or removes a header the client set itself when there is none. */
    static void stamp(ICoreMessage message, String user) {
        if (user == null) {
            message.removeProperty(Message.HDR_VALIDATED_USER);
        } else {
            message.setValidatedUserID(user);
        }
    }
}
